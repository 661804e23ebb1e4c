/**
 * Vitest setup for every test file: one seed for every fast-check property, so a run of the suite (CI's included)
 * is reproducible and a failure names its instance. `FC_SEED=<n> npx vitest run` explores other instances;
 * fast-check prints the failing seed and path either way.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
