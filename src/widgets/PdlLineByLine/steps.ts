/**
 * The proof of the performance difference lemma as `DerivationTable` rows: each line is checked against the line
 * above it (identities, so the kit's default tolerance 1e-9 relative), and the note says why they are equal.
 */
import type { PerformanceDifference } from '@/rl';
import type { DerivationStep } from '@/widgets/common/DerivationTable';

export function pdlSteps(r: PerformanceDifference): DerivationStep[] {
  const lines: { text: string; value: number; note: string }[] = [
    { text: "J(π') − J(π)", value: r.lhs, note: 'definition' },
    {
      text: "E_τ∼π'[Σ γᵗ rₜ] − E_s₀[V_π(s₀)]",
      value: r.returnMinusValue,
      note: 's₀ has the same law under both policies',
    },
    { text: "E_τ∼π'[Σ γᵗ (rₜ + γV_π(sₜ₊₁) − V_π(sₜ))]", value: r.telescoping, note: 'the sum telescopes' },
    {
      text: "Σ_s ρ_π'(s) Σ_a π'(a|s) (Q_π(s,a) − V_π(s))",
      value: r.qForm,
      note: 'expected TD residual = advantage',
    },
    { text: "Σ_s ρ_π'(s) Σ_a π'(a|s) A_π(s,a)", value: r.rhs, note: 'Lemma: sums under the visitation' },
    { text: "1/(1−γ) E_s∼d_π', a∼π'[A_π(s,a)]", value: r.normalisedForm, note: 'normalised form' },
  ];
  return lines.map((l, i) => ({
    id: `pdl-step-${i + 1}`,
    lhsTestId: `pdl-line-${i + 1}`,
    label: `line ${i + 1}`,
    formula: l.text,
    text: l.text,
    lhs: l.value,
    ...(i > 0 && { rhs: lines[i - 1].value, relation: '=' as const }),
    note: l.note,
  }));
}
