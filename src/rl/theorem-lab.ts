/**
 * The instances of the "break this theorem" labs: a small MDP, two softmax policies, a mixture weight, a GAE λ and a
 * critic error, all read from one flat vector of unconstrained-but-boxed coordinates (so a local optimiser can move
 * every coordinate freely inside its box), plus a compact text form for URLs that round-trips every bit.
 *
 * Layout of `x` for S states and A actions (P rows, ρ0 and both policies are softmaxes of their logits):
 *   P logits [a][s][s2] (A·S·S) | R[s][a] (S·A) | ρ0 logits (S) | θ[s][a] of π (S·A) | θ′[s][a] of π′ (S·A)
 *   | mixture weight w (1) | λ (1) | critic error e[s] (S)
 */
import type { MDP, Policy } from './types';
import { softmax } from './softmax';

export const LAB_MAX_STATES = 8;
export const LAB_MAX_ACTIONS = 3;
export const LAB_MIN_STATES = 2;
export const LAB_MIN_ACTIONS = 2;
export const LAB_GAMMA_MAX = 0.99;
/** Every logit lies in [−LOGIT_BOX, LOGIT_BOX]: probabilities stay above about e^−12 / |S|. */
export const LOGIT_BOX = 6;
/** Rewards and critic errors lie in [−1, 1] (every statement is invariant to scaling them). */
export const REWARD_BOX = 1;

export interface LabInstance {
  states: number;
  actions: number;
  gamma: number;
  x: number[];
}

export interface DecodedInstance {
  mdp: MDP;
  pi: Policy;
  piNew: Policy;
  theta: number[][];
  thetaNew: number[][];
  weight: number;
  lambda: number;
  /** Critic error e(s) = V̂(s) − V^π(s). */
  critic: number[];
}

export interface Layout {
  P: number;
  R: number;
  rho: number;
  theta: number;
  thetaNew: number;
  weight: number;
  lambda: number;
  critic: number;
  length: number;
}

export function layout(S: number, A: number): Layout {
  const P = 0;
  const R = P + A * S * S;
  const rho = R + S * A;
  const theta = rho + S;
  const thetaNew = theta + S * A;
  const weight = thetaNew + S * A;
  const lambda = weight + 1;
  const critic = lambda + 1;
  return { P, R, rho, theta, thetaNew, weight, lambda, critic, length: critic + S };
}

/** The box [lo, hi] of every coordinate. */
export function bounds(
  S: number,
  A: number,
): { lo: Float64Array<ArrayBuffer>; hi: Float64Array<ArrayBuffer> } {
  const L = layout(S, A);
  const lo = new Float64Array(L.length).fill(-LOGIT_BOX);
  const hi = new Float64Array(L.length).fill(LOGIT_BOX);
  for (let i = L.R; i < L.R + S * A; i++) {
    lo[i] = -REWARD_BOX;
    hi[i] = REWARD_BOX;
  }
  lo[L.weight] = 0;
  hi[L.weight] = 1;
  lo[L.lambda] = 0;
  hi[L.lambda] = 1;
  for (let i = L.critic; i < L.critic + S; i++) {
    lo[i] = -REWARD_BOX;
    hi[i] = REWARD_BOX;
  }
  return { lo, hi };
}

/** softmax of x[start … start + n). */
const softmaxRow = (x: ArrayLike<number>, start: number, n: number): number[] =>
  softmax(Array.from({ length: n }, (_, i) => x[start + i]));

function matrix(x: ArrayLike<number>, start: number, S: number, A: number): number[][] {
  return Array.from({ length: S }, (_, s) => Array.from({ length: A }, (_, a) => x[start + s * A + a]));
}

/** The MDP, policies and extras of an instance (no validation: use `checkInstance` on untrusted input). */
export function decodeInstance({ states: S, actions: A, gamma, x }: LabInstance): DecodedInstance {
  const L = layout(S, A);
  const P = Array.from({ length: A }, (_, a) =>
    Array.from({ length: S }, (_, s) => softmaxRow(x, L.P + (a * S + s) * S, S)),
  );
  const theta = matrix(x, L.theta, S, A);
  const thetaNew = matrix(x, L.thetaNew, S, A);
  return {
    mdp: { P, R: matrix(x, L.R, S, A), rho0: softmaxRow(x, L.rho, S), gamma },
    theta,
    thetaNew,
    pi: theta.map((_, s) => softmaxRow(x, L.theta + s * A, A)),
    piNew: thetaNew.map((_, s) => softmaxRow(x, L.thetaNew + s * A, A)),
    weight: x[L.weight],
    lambda: x[L.lambda],
    critic: Array.from({ length: S }, (_, s) => x[L.critic + s]),
  };
}

/**
 * A random instance. Each instance draws its own logit spread σ uniform in [1, 4] (from nearly uniform rows to
 * nearly deterministic ones) and logits N(0, σ²); rewards, weight, λ and critic are uniform in their boxes. Half the
 * time π′ is drawn near π, θ′ = θ + 10^(−3u)·σ·z (u uniform, z standard normal), so close policy pairs, where the
 * second-order bounds bite, are as common as distant ones. Everything is clamped to the boxes.
 */
export function randomInstance(
  rng: { uniform(): number; normal(): number },
  S: number,
  A: number,
  gamma: number,
): LabInstance {
  const { lo, hi } = bounds(S, A);
  const L = layout(S, A);
  const x = new Array<number>(L.length);
  const spread = 1 + 3 * rng.uniform();
  for (let i = 0; i < L.length; i++) {
    const logit = lo[i] === -LOGIT_BOX;
    const v = logit ? spread * rng.normal() : lo[i] + (hi[i] - lo[i]) * rng.uniform();
    x[i] = Math.min(hi[i], Math.max(lo[i], v));
  }
  if (rng.uniform() < 0.5) {
    const step = 10 ** (-3 * rng.uniform()) * spread;
    for (let i = 0; i < S * A; i++)
      x[L.thetaNew + i] = Math.min(LOGIT_BOX, Math.max(-LOGIT_BOX, x[L.theta + i] + step * rng.normal()));
  }
  return { states: S, actions: A, gamma, x };
}

// --- the URL form: "S.A.gamma.<base64url of the coordinates as little-endian float64>" ---

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((s.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const c of s) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 255;
    }
  }
  return bytes;
}

/** The URL form of an instance; `parseInstance` gives back exactly the same doubles. */
export function encodeInstance(inst: LabInstance): string {
  const view = new DataView(new ArrayBuffer(inst.x.length * 8));
  inst.x.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return `${inst.states}.${inst.actions}.${inst.gamma}.${toBase64Url(new Uint8Array(view.buffer))}`;
}

/** Longest URL form (8 states, 3 actions): the URL parameter's length limit. */
export const MAX_ENCODED_LENGTH = 3100;

export type ParsedInstance = { instance: LabInstance; notices: string[] } | { error: string };

/**
 * Reads an instance from its URL form. Never throws: a malformed text gives `{ error }` with a reason; sizes out of
 * range are an error; γ outside [0, 0.99] and coordinates outside their boxes are clamped and reported.
 */
export function parseInstance(text: string): ParsedInstance {
  if (text.length > MAX_ENCODED_LENGTH) return { error: 'the instance is longer than any valid one' };
  const parts = text.split('.');
  // γ may itself contain a dot ("0.9"): the form is S.A.<γ with one dot or none>.<data>.
  if (parts.length !== 4 && parts.length !== 5) return { error: 'an instance reads “states.actions.γ.data”' };
  const S = Number(parts[0]);
  const A = Number(parts[1]);
  const gammaText = parts.length === 5 ? `${parts[2]}.${parts[3]}` : parts[2];
  const data = parts[parts.length - 1];
  if (!Number.isInteger(S) || S < LAB_MIN_STATES || S > LAB_MAX_STATES)
    return {
      error: `the number of states must be a whole number from ${LAB_MIN_STATES} to ${LAB_MAX_STATES}`,
    };
  if (!Number.isInteger(A) || A < LAB_MIN_ACTIONS || A > LAB_MAX_ACTIONS)
    return {
      error: `the number of actions must be a whole number from ${LAB_MIN_ACTIONS} to ${LAB_MAX_ACTIONS}`,
    };
  const notices: string[] = [];
  let gamma = Number(gammaText);
  if (gammaText.trim() === '' || !Number.isFinite(gamma)) return { error: 'γ is not a number' };
  if (gamma < 0 || gamma > LAB_GAMMA_MAX) {
    gamma = Math.min(LAB_GAMMA_MAX, Math.max(0, gamma));
    notices.push(`γ was outside [0, ${LAB_GAMMA_MAX}]: set to ${gamma}`);
  }
  const bytes = fromBase64Url(data);
  const L = layout(S, A);
  if (!bytes || bytes.length !== L.length * 8)
    return { error: `the data do not hold the ${L.length} numbers of a ${S}-state, ${A}-action instance` };
  const view = new DataView(bytes.buffer);
  const { lo, hi } = bounds(S, A);
  const x = new Array<number>(L.length);
  let clamped = 0;
  for (let i = 0; i < L.length; i++) {
    const v = view.getFloat64(i * 8, true);
    if (!Number.isFinite(v)) return { error: `number ${i + 1} of the data is not finite` };
    x[i] = Math.min(hi[i], Math.max(lo[i], v));
    if (x[i] !== v) clamped++;
  }
  if (clamped)
    notices.push(`${clamped} number${clamped > 1 ? 's were' : ' was'} outside its range and clamped`);
  return { instance: { states: S, actions: A, gamma, x }, notices };
}
