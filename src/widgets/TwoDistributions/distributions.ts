/** Display helpers of the two-distributions widget: normalising weights and listing every event. */

/** Weights to a distribution; all-zero weights give the uniform distribution. */
export function normalise(w: number[]): number[] {
  const z = w.reduce((a, b) => a + b, 0);
  return z > 0 ? w.map((x) => x / z) : w.map(() => 1 / w.length);
}

/** Every event E ⊆ {0, …, k−1} with p(E), q(E) and p(E) − q(E), largest |p(E) − q(E)| first. */
export function allEvents(p: number[], q: number[]) {
  const rows: Array<{ event: string; 'p(E)': number; 'q(E)': number; 'p(E) − q(E)': number }> = [];
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let pe = 0;
    let qe = 0;
    const members: number[] = [];
    for (let i = 0; i < p.length; i++)
      if (mask & (1 << i)) {
        pe += p[i];
        qe += q[i];
        members.push(i);
      }
    rows.push({ event: `{${members.join(', ')}}`, 'p(E)': pe, 'q(E)': qe, 'p(E) − q(E)': pe - qe });
  }
  return rows.sort((a, b) => Math.abs(b['p(E) − q(E)']) - Math.abs(a['p(E) − q(E)']));
}

/** Outcomes where `a` has mass and `b` has none: the reason D_KL(a ‖ b) is infinite. */
export function offSupport(a: number[], b: number[]): number[] {
  return a.flatMap((x, i) => (x > 0 && b[i] === 0 ? [i] : []));
}
