/**
 * Vitest setup for every test file: one seed for every fast-check property, so a run of the suite (CI's included)
 * is reproducible and a failure names its instance. `FC_SEED=<n> npx vitest run` explores other instances;
 * fast-check prints the failing seed and path either way.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

// tfjs talks to Node users: its CPU backend greets them, once per worker, with advice to install tfjs-node, and a
// second import of tfjs in a worker (test files share one module graph per worker) says it sets the platform
// again. The tests run the CPU backend the book ships, on purpose, so both are noise in the suite's output; every
// other warning passes through.
const TFJS_NOTICES = ['running TensorFlow.js in Node.js', 'Platform node has already been set'];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && TFJS_NOTICES.some((n) => (args[0] as string).includes(n))) return;
  warn(...args);
};
