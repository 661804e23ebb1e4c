/** The standard normal density and distribution function in float64, and Simpson quadrature against them. */

export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** phi(x) = exp(-x^2 / 2) / sqrt(2 pi). */
export const normalPdf = (x: number) => Math.exp(-0.5 * x * x - LOG_SQRT_2PI);

/** log N(x; mu, sigma). */
export const normalLogPdf = (x: number, mu: number, sigma: number) => {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
};

/**
 * erfc(x) for x >= 0: the all-positive series erf(x) = (2/sqrt(pi)) e^{-x^2} sum_n 2^n x^{2n+1} / (2n+1)!! below
 * x = 3 (no cancellation in the sum), Lentz's continued fraction above, where the series would need many terms.
 * Both are accurate to about 1e-15 (checked against quadrature in normal.test.ts).
 */
function erfcPositive(x: number): number {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{-x^2}/sqrt(pi) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = x + a * D;
    D = Math.abs(D) < tiny ? tiny : D;
    C = x + a / C;
    C = Math.abs(C) < tiny ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Phi(x) = P(N(0, 1) <= x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const y = Math.abs(x) / Math.SQRT2;
  const tail = 0.5 * erfcPositive(y); // P(N > |x|)
  return x >= 0 ? 1 - tail : tail;
}

/** Composite Simpson's rule for the integral of f over [a, b] with n (made even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const m = n % 2 === 0 ? n : n + 1;
  const h = (b - a) / m;
  let s = f(a) + f(b);
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/**
 * E[g(xi)] for xi ~ N(0, 1) by Simpson's rule on [-12, 12] (the tails beyond carry < 1e-32 of the mass), split at
 * the given points where g may jump so each piece is smooth.
 */
export function normalExpectation(g: (xi: number) => number, breaks: number[] = [], n = 4000): number {
  const points = [-12, ...breaks.filter((b) => b > -12 && b < 12).sort((x, y) => x - y), 12];
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (b - a < 1e-15) continue;
    // Endpoints are taken a hair inside the piece: at a break, g's value on this side of the jump counts.
    const eps = 1e-13 * (b - a);
    const f = (x: number) => g(Math.min(b - eps, Math.max(a + eps, x))) * normalPdf(x);
    total += simpson(f, a, b, Math.max(20, Math.ceil((n * (b - a)) / 24)));
  }
  return total;
}
