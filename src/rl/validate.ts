/** Input validation with messages a reader can act on. Public functions call these before computing anything. */
import type { MDP, Policy } from './types';

const TOL = 1e-9;

export class RLInputError extends Error {
  override name = 'RLInputError';
}

function checkDistribution(row: ArrayLike<number>, what: string) {
  let sum = 0;
  for (let i = 0; i < row.length; i++) {
    const x = row[i];
    if (typeof x !== 'number' || Number.isNaN(x)) throw new RLInputError(`${what}[${i}] is not a number`);
    if (x < 0) throw new RLInputError(`${what}[${i}] = ${x} is negative`);
    sum += x;
  }
  if (Math.abs(sum - 1) > TOL) throw new RLInputError(`${what} sums to ${sum}, not 1 (tolerance 1e-9)`);
}

/** Throws an RLInputError describing the first problem found; returns the sizes otherwise. */
export function validateMDP(mdp: MDP): { states: number; actions: number } {
  if (!mdp || !Array.isArray(mdp.P) || !Array.isArray(mdp.R) || !Array.isArray(mdp.rho0)) {
    throw new RLInputError('an MDP needs arrays P, R and rho0 and a number gamma');
  }
  const { P, R, rho0, gamma } = mdp;
  if (typeof gamma !== 'number' || !(gamma >= 0 && gamma < 1)) {
    throw new RLInputError(`gamma = ${gamma} is outside [0, 1)`);
  }
  const actions = P.length;
  if (actions === 0) throw new RLInputError('P has no actions');
  const states = rho0.length;
  if (states === 0) throw new RLInputError('rho0 is empty: the MDP has no states');
  checkDistribution(rho0, 'rho0');
  if (R.length !== states) throw new RLInputError(`R has ${R.length} rows but there are ${states} states`);
  for (let s = 0; s < states; s++) {
    if (!Array.isArray(R[s]) || R[s].length !== actions) {
      throw new RLInputError(`R[${s}] should have ${actions} entries (one per action)`);
    }
    for (let a = 0; a < actions; a++) {
      if (!Number.isFinite(R[s][a]))
        throw new RLInputError(`R[${s}][${a}] = ${R[s][a]} is not a finite number`);
    }
  }
  for (let a = 0; a < actions; a++) {
    if (!Array.isArray(P[a]) || P[a].length !== states) {
      throw new RLInputError(`P[${a}] should have ${states} rows (one per state)`);
    }
    for (let s = 0; s < states; s++) {
      if (!Array.isArray(P[a][s]) || P[a][s].length !== states) {
        throw new RLInputError(`P[${a}][${s}] should have ${states} entries`);
      }
      checkDistribution(P[a][s], `P[${a}][${s}]`);
    }
  }
  return { states, actions };
}

/** Checks that `pi` is a states × actions row-stochastic matrix. */
export function validatePolicy(pi: Policy, states: number, actions: number, name = 'pi'): void {
  if (!Array.isArray(pi) || pi.length !== states) {
    throw new RLInputError(`${name} should have ${states} rows (one per state)`);
  }
  for (let s = 0; s < states; s++) {
    if (!Array.isArray(pi[s]) || pi[s].length !== actions) {
      throw new RLInputError(`${name}[${s}] should have ${actions} entries (one per action)`);
    }
    checkDistribution(pi[s], `${name}[${s}]`);
  }
}

/** Checks a probability vector. */
export function validateDistribution(p: number[], name = 'p'): void {
  if (!Array.isArray(p) || p.length === 0) throw new RLInputError(`${name} must be a non-empty array`);
  checkDistribution(p, name);
}
