/**
 * Vitest setup for every test file: one seed for every fast-check property, so a run of the suite (CI's included)
 * is reproducible and a failure names its instance. `FC_SEED=<n> npx vitest run` explores other instances;
 * fast-check prints the failing seed and path either way.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

// tfjs's CPU backend greets Node users, once per worker, with advice to install tfjs-node. The tests run the CPU
// backend the book ships, on purpose, so the greeting is noise in the suite's output; other warnings pass through.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('running TensorFlow.js in Node.js')) return;
  warn(...args);
};
