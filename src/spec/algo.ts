/** The shape of an algorithm's spec: its table of settings, what it can train on, what it streams, its limits. */
import type { Work } from './common';
import type { ActionKind, EnvSpec } from './envs';
import type { Fields, ValuesOf } from './fields';
import type { MetricKey } from './metrics';

/** A rule across several settings; on violation a link's values of `fields` fall back to the preset's. */
export interface Constraint<C> {
  fields: readonly (keyof C & string)[];
  /** Why `c` breaks the rule, or null. */
  check(c: C, env: EnvSpec): string | null;
}

export interface AlgoSpec<
  Id extends string = string,
  F extends Fields = Fields,
  K extends MetricKey = MetricKey,
> {
  id: Id;
  label: string;
  /** One line for the reader: what the algorithm is and which reference it follows. */
  doc: string;
  fields: F;
  /** Action spaces the algorithm handles. */
  actionKinds: readonly ActionKind[];
  /** The metrics every update reports (chart series keys are typed from these). */
  series: readonly K[];
  constraints: readonly Constraint<ValuesOf<F>>[];
  /** The work of one update (bounded by WORK_LIMITS), and the settings it depends on. */
  work(c: ValuesOf<F>, env: EnvSpec): Work;
  workFields: readonly (keyof F & string)[];
  /**
   * What runs the gradient steps: 'tfjs' (the reader's backend choice applies) or 'kernels' (the off-policy
   * learners' own wasm SIMD engine, src/nn/offpolicy/kernels: no tfjs backend is involved).
   */
  engine?: 'tfjs' | 'kernels';
}

/** Keeps the literal types of a spec while checking its shape. */
export const defineAlgo = <Id extends string, F extends Fields, K extends MetricKey>(
  s: AlgoSpec<Id, F, K>,
): AlgoSpec<Id, F, K> => s;
