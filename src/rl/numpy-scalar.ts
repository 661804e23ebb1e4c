/**
 * numpy 2's scalar arithmetic (NEP 50), for the few lines of Gymnasium that mix float32 and float64 scalars.
 * A value has one of three kinds: `F32` (np.float32), `F64` (np.float64) or `PY` (a Python float, "weak": it takes
 * the other operand's type). float32 with float32 or a Python float computes in float32 (the Python float is first
 * cast to float32); anything with np.float64 computes in float64. A float32 operation is its float64 result rounded
 * once to float32: exact for +, −, ×, ÷, since 53 ≥ 2·24 + 2 bits makes the double rounding innocuous.
 */
export const F32 = 0;
export const F64 = 1;
export const PY = 2;
export type Kind = typeof F32 | typeof F64 | typeof PY;

/** The kind of a binary operation's result. */
export const promote = (a: Kind, b: Kind): Kind =>
  a === F64 || b === F64 ? F64 : a === F32 || b === F32 ? F32 : PY;

const f = Math.fround;

/** A typed scalar: its value (exactly representable in its kind) and its kind. */
export interface Scalar {
  v: number;
  k: Kind;
}

export const scalar = (v: number, k: Kind): Scalar => ({ v: k === F32 ? f(v) : v, k });

export function add(a: Scalar, b: Scalar): Scalar {
  const k = promote(a.k, b.k);
  return { v: k === F32 ? f(f(a.v) + f(b.v)) : a.v + b.v, k };
}
export function sub(a: Scalar, b: Scalar): Scalar {
  const k = promote(a.k, b.k);
  return { v: k === F32 ? f(f(a.v) - f(b.v)) : a.v - b.v, k };
}
export function mul(a: Scalar, b: Scalar): Scalar {
  const k = promote(a.k, b.k);
  return { v: k === F32 ? f(f(a.v) * f(b.v)) : a.v * b.v, k };
}

/** Comparisons run in the promoted type too (np.float32(0.07) > 0.07 is False under numpy 2). */
function cmpValues(a: Scalar, b: Scalar): [number, number] {
  return promote(a.k, b.k) === F32 ? [f(a.v), f(b.v)] : [a.v, b.v];
}
export const gt = (a: Scalar, b: Scalar) => {
  const [x, y] = cmpValues(a, b);
  return x > y;
};
export const lt = (a: Scalar, b: Scalar) => {
  const [x, y] = cmpValues(a, b);
  return x < y;
};
export const ge = (a: Scalar, b: Scalar) => {
  const [x, y] = cmpValues(a, b);
  return x >= y;
};
export const eq = (a: Scalar, b: Scalar) => {
  const [x, y] = cmpValues(a, b);
  return x === y;
};

/** Python floats (weak). */
export const py = (v: number): Scalar => ({ v, k: PY });

/** True when x is exactly a float32 value (used to tell a float32 state from a float64 one). */
export const isF32 = (x: number) => Number.isNaN(x) || Math.fround(x) === x;
