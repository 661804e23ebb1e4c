/**
 * The search of the "break this theorem" labs, deterministic for a seed and run in small slices (`advance(n)` does
 * at most n evaluations) so a worker can answer messages between slices.
 *
 * Phase 1, the census: `censusSize` random instances (sizes uniform in 2..maxStates × 2..maxActions), each evaluated
 * once; their relative slacks make the histogram.
 * Phase 2, the attack: `restarts` random restarts, each followed by a local minimisation of the relative slack: a
 * (1+2) evolution strategy in the box, which tries x ± σ·(box width)·z for a Gaussian z, keeps the better point if it
 * lowers the objective, and widens σ by 1.5 on success and narrows it by 0.7 on failure, until σ < 1e-7 or the
 * restart's budget is spent. Coordinates the statement does not use are left alone.
 */
import { createRng, type Rng } from './rng';
import {
  bounds,
  layout,
  LAB_MAX_ACTIONS,
  LAB_MAX_STATES,
  LAB_MIN_ACTIONS,
  LAB_MIN_STATES,
  randomInstance,
  type LabInstance,
} from './theorem-lab';
import {
  evaluateStatement,
  STATEMENTS,
  type StatementId,
  type StatementValue,
  type Variant,
} from './theorem-lab-statements';

export interface SearchConfig {
  statement: StatementId;
  variant: Variant;
  seed: number;
  gamma: number;
  maxStates: number;
  maxActions: number;
  censusSize: number;
  restarts: number;
  /** Evaluations per restart (the random start included). */
  budget: number;
}

export const SEARCH_DEFAULTS: Omit<SearchConfig, 'statement' | 'variant' | 'seed'> = {
  gamma: 0.9,
  maxStates: LAB_MAX_STATES,
  maxActions: LAB_MAX_ACTIONS,
  censusSize: 1000,
  restarts: 40,
  budget: 400,
};

export interface Found {
  instance: LabInstance;
  value: StatementValue;
  /** Evaluations done when it was found (census included). */
  evaluations: number;
}

export interface SearchState {
  phase: 'census' | 'attack' | 'done';
  evaluations: number;
  census: number[];
  /** Census instances whose statement was violated. */
  censusViolations: number;
  restartsDone: number;
  /** The instance with the smallest relative slack so far. */
  best: Found | null;
  /** The first violation found (census or attack), if any. */
  firstViolation: Found | null;
}

/** Validates a search configuration, returning the reasons it is not usable (empty when it is). */
export function checkSearchConfig(c: SearchConfig): string[] {
  const bad: string[] = [];
  if (!(c.statement in STATEMENTS)) bad.push(`unknown statement “${String(c.statement).slice(0, 40)}”`);
  if (c.variant !== 'corrected' && c.variant !== 'notes') bad.push('variant must be “corrected” or “notes”');
  const intIn = (v: number, lo: number, hi: number, name: string) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      bad.push(`${name} must be a whole number from ${lo} to ${hi}`);
  };
  intIn(c.seed, 0, 2 ** 31, 'seed');
  intIn(c.maxStates, LAB_MIN_STATES, LAB_MAX_STATES, 'maxStates');
  intIn(c.maxActions, LAB_MIN_ACTIONS, LAB_MAX_ACTIONS, 'maxActions');
  intIn(c.censusSize, 0, 100000, 'censusSize');
  intIn(c.restarts, 0, 10000, 'restarts');
  intIn(c.budget, 1, 100000, 'budget');
  if (!(c.gamma >= 0 && c.gamma <= 0.99)) bad.push('γ must lie in [0, 0.99]');
  return bad;
}

export class TheoremSearch {
  readonly state: SearchState = {
    phase: 'census',
    evaluations: 0,
    census: [],
    censusViolations: 0,
    restartsDone: 0,
    best: null,
    firstViolation: null,
  };
  private readonly censusRng: Rng;
  private readonly attackRng: Rng;
  // The restart under way.
  private x: number[] | null = null;
  private fx = Infinity;
  private sigma = 0.3;
  private used = 0;
  private S = 0;
  private A = 0;
  private lo = new Float64Array(0);
  private hi = new Float64Array(0);
  private free: number[] = [];

  constructor(readonly config: SearchConfig) {
    const bad = checkSearchConfig(config);
    if (bad.length) throw new Error(`invalid search: ${bad.join('; ')}`);
    const root = createRng(config.seed);
    this.censusRng = root.fork();
    this.attackRng = root.fork();
  }

  private size(rng: Rng): [number, number] {
    const c = this.config;
    return [
      LAB_MIN_STATES + rng.int(c.maxStates - LAB_MIN_STATES + 1),
      LAB_MIN_ACTIONS + rng.int(c.maxActions - LAB_MIN_ACTIONS + 1),
    ];
  }

  private evaluate(inst: LabInstance): StatementValue {
    this.state.evaluations++;
    const v = evaluateStatement(this.config.statement, this.config.variant, inst);
    const found = { instance: { ...inst, x: [...inst.x] }, value: v, evaluations: this.state.evaluations };
    if (v.violated && !this.state.firstViolation) this.state.firstViolation = found;
    // NaN never becomes the best (a degenerate instance is skipped, not reported).
    if (Number.isFinite(v.relative) && (!this.state.best || v.relative < this.state.best.value.relative))
      this.state.best = found;
    return v;
  }

  private startRestart() {
    const [S, A] = this.size(this.attackRng);
    const inst = randomInstance(this.attackRng, S, A, this.config.gamma);
    this.S = S;
    this.A = A;
    ({ lo: this.lo, hi: this.hi } = bounds(S, A));
    const L = layout(S, A);
    const { uses } = STATEMENTS[this.config.statement];
    this.free = [];
    for (let i = 0; i < L.length; i++) {
      if (uses.mdp === false && i < L.theta) continue; // P, R and ρ0 (statements about one state's two policies)
      if (!uses.piNew && i >= L.thetaNew && i < L.thetaNew + S * A) continue;
      if (!uses.weight && i === L.weight) continue;
      if (!uses.lambda && i === L.lambda) continue;
      if (!uses.critic && i >= L.critic) continue;
      this.free.push(i);
    }
    this.x = inst.x;
    this.fx = objective(this.evaluate(inst));
    this.sigma = 0.3;
    this.used = 1;
  }

  private localStep() {
    const x = this.x!;
    const plus = [...x];
    const minus = [...x];
    // A sparse move: 1 to 8 of the free coordinates at a time, so one block (a row of P, a policy's row) can be
    // tuned without shaking the rest.
    const k = 1 + this.attackRng.int(Math.min(8, this.free.length));
    for (let j = 0; j < k; j++) {
      const i = this.free[this.attackRng.int(this.free.length)];
      const dz = this.sigma * (this.hi[i] - this.lo[i]) * this.attackRng.normal();
      plus[i] = Math.min(this.hi[i], Math.max(this.lo[i], x[i] + dz));
      minus[i] = Math.min(this.hi[i], Math.max(this.lo[i], x[i] - dz));
    }
    const inst = (v: number[]): LabInstance => ({
      states: this.S,
      actions: this.A,
      gamma: this.config.gamma,
      x: v,
    });
    const vp = this.evaluate(inst(plus));
    const vm = this.evaluate(inst(minus));
    this.used += 2;
    const fp = objective(vp);
    const fm = objective(vm);
    if (Math.min(fp, fm) < this.fx) {
      const plusWins = fp <= fm;
      this.x = plusWins ? plus : minus;
      this.fx = plusWins ? fp : fm;
      this.sigma = Math.min(0.5, this.sigma * 1.5);
    } else this.sigma *= 0.9;
  }

  /** Runs at most about `maxEvaluations` evaluations; returns true while work remains. */
  advance(maxEvaluations: number): boolean {
    const stop = this.state.evaluations + maxEvaluations;
    const c = this.config;
    while (this.state.evaluations < stop) {
      if (this.state.phase === 'census') {
        if (this.state.census.length >= c.censusSize) {
          this.state.phase = c.restarts > 0 ? 'attack' : 'done';
          continue;
        }
        const [S, A] = this.size(this.censusRng);
        const v = this.evaluate(randomInstance(this.censusRng, S, A, c.gamma));
        this.state.census.push(v.relative);
        if (v.violated) this.state.censusViolations++;
      } else if (this.state.phase === 'attack') {
        if (!this.x) this.startRestart();
        else if (this.used + 2 > c.budget || this.sigma < 1e-7) {
          this.x = null;
          this.state.restartsDone++;
          if (this.state.restartsDone >= c.restarts) this.state.phase = 'done';
        } else this.localStep();
      } else return false;
    }
    return this.state.phase !== 'done';
  }
}

/** What the optimiser minimises: the relative slack (NaN, from a degenerate instance, counts as +∞). */
function objective(v: StatementValue): number {
  return Number.isFinite(v.relative) ? v.relative : Infinity;
}
