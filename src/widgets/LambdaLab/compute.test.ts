import { describe, expect, it } from 'vitest';
import { lambdaSweep } from './compute';

describe('GAE lambda sweep', () => {
  it('with the exact value function, lambda = 0 is unbiased and has the least error; with a noisy one, larger lambda wins', () => {
    const exact = lambdaSweep(1, 0, 300);
    expect(exact[0].bias2).toBeLessThan(1e-3 * exact[0].variance + 1e-9);
    const bestExact = exact.reduce((a, b) => (b.mse < a.mse ? b : a));
    expect(bestExact.lambda).toBeLessThanOrEqual(0.2);
    const noisy = lambdaSweep(1, 2, 300);
    const bestNoisy = noisy.reduce((a, b) => (b.mse < a.mse ? b : a));
    expect(bestNoisy.lambda).toBeGreaterThanOrEqual(0.5);
    // Bias falls as lambda grows (the estimate relies less on V).
    expect(noisy[20].bias2).toBeLessThan(noisy[0].bias2);
  });
});
