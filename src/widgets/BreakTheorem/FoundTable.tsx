/** The numbers of one instance the search found: both sides, the slack and the quantities behind them. */
import { formatNumber } from '@/widgets/common';
import type { StatementValue } from '@/rl';

const NAMES: Record<string, string> = {
  J: 'J(π′)',
  L: 'L_π(π′)',
  Jold: 'J(π)',
  alpha: 'α = max TV',
  klMax: 'max KL',
  klMean: 'mean KL',
  epsMaxA: 'ε = max |A_π|',
  epsKL: "Kakade–Langford's ε = max_s |Ā(s)|",
  C: 'C = 4εγ/(1−γ)²',
  Cnotes: "C with Kakade–Langford's ε",
  penalty: 'penalty of this statement',
  bound: 'the bound',
  improvement: 'J(π_α) − J(π)',
  policyAdvantage: 'policy advantage 𝔸',
  eps: 'ε = max_s |Ā(s)|',
  weight: 'mixture weight α (chapter 4)',
  gap: 'J(π*) − J(π)',
  Jstar: 'J(π*)',
  mismatch: '‖d_π*/d_π‖∞',
};

export function FoundTable({ value, testId }: { value: StatementValue; testId: string }) {
  const rows: [string, string, number][] = [
    ['slack', 'slack = left side − right side', value.slack],
    ['relative', 'relative slack (slack / corrected penalty)', value.relative],
    ...Object.entries(value.quantities).map(([k, v]): [string, string, number] => [k, NAMES[k] ?? k, v]),
  ];
  return (
    <table className="data-table">
      <caption className="visually-hidden">The instance's numbers</caption>
      <thead>
        <tr>
          <th scope="col">quantity</th>
          <th scope="col">value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label, v]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td data-testid={`${testId}-${k}`} data-value={String(v)}>
              {formatNumber(v, 6)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
