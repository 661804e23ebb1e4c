/**
 * PPO's adaptive KL penalty rule (chapter 6, Schulman et al. 2017, section 4): after an update with measured mean KL d,
 * halve β if d < d_targ/1.5 and double it if d > 1.5 d_targ. Under the small-step model d ∝ 1/β²
 * (`prop-penalty-scaling`), one correction multiplies d by exactly 4 or 1/4, while the band [d_targ/1.5, 1.5 d_targ]
 * spans a factor 2.25: a KL just outside the band is thrown past the other side, and under the model the rule
 * cycles forever.
 */

/** The factor applied to β after an update that measured KL ratio x = d / d_targ. */
export function betaFactor(x: number, band = 1.5): number {
  if (x < 1 / band) return 0.5;
  if (x > band) return 2;
  return 1;
}

/** KL ratios x_k = d_k / d_targ under the 1/β² model, starting from x0, for `steps` corrections. */
export function klRatiosUnderModel(x0: number, steps: number, band = 1.5): number[] {
  const xs = [x0];
  let x = x0;
  for (let k = 0; k < steps; k++) {
    const f = betaFactor(x, band);
    x /= f * f;
    xs.push(x);
  }
  return xs;
}

/**
 * Under the model, the ratios from which one correction jumps over the whole band: above it, x ∈ (band, 4/band)
 * goes to x/4 below it; below it, x ∈ (band/4, 1/band) goes to 4x above it. The two intervals map onto each other,
 * so from either one the rule alternates forever. With band = 1.5: (1.5, 2.667) and (0.375, 0.667).
 */
export function overshootIntervals(band = 1.5): { above: [number, number]; below: [number, number] } {
  return { above: [band, 4 / band], below: [band / 4, 1 / band] };
}

/** The share, on a log scale, of the ratios outside the band that one correction brings into it: ln(band²)/ln 4. */
export function landingShare(band = 1.5): number {
  return Math.log(band * band) / Math.log(4);
}
