/** The numbers of one instance the search found: both sides, the slack and the quantities behind them. */
import { formatNumber } from '@/widgets/common';
import type { StatementValue } from '@/rl';

const NAMES: Record<string, string> = {
  J: 'J(π′)',
  L: 'L_π(π′)',
  Jold: 'J(π)',
  alpha: 'α = D_TV^max',
  klMax: 'D_KL^max',
  klMean: 'D̄_KL (mean KL)',
  epsMaxA: 'ε_A = max_{s,a} |A_π(s,a)|',
  epsKL: 'ε̄ = max_s |Ā(s)| (the notes’ ε)',
  C: 'C = 4ε_A γ/(1−γ)²',
  Cnotes: 'C with ε̄ in place of ε_A',
  penalty: 'penalty of this statement',
  bound: 'the bound',
  improvement: 'J(π_α) − J(π)',
  policyAdvantage: 'policy advantage 𝔸',
  eps: 'ε̄ = max_s |Ā(s)|',
  weight: 'mixture weight α (chapter 4)',
  gap: 'J(π*) − J(π)',
  Jstar: 'J(π*)',
  mismatch: '‖d_π*/d_π‖∞',
  lambda: 'λ',
  maxE: 'max_s |e(s)|, e = V̂ − V_π',
  factor: 'γ(1−λ)/(1−γλ)',
  maxBias: 'max_{s,a} |state-independent bias|',
  state: 'state s where it is tightest',
  tv: 'D_TV(π(·|s), π′(·|s))',
  disagree: 'Pr(a ≠ a′), maximal coupling',
  m: 'm = Σ_a min(π(a|s), π′(a|s))',
  claimed: 'Pr(a ≠ a′) as this statement computes it',
  t: 'step t where it is tightest',
  disagreeBefore: 'Pr(the pair disagreed before t)',
  tvState: 'D_TV(laws of s_t)',
  kl: 'D_KL(π(·|s) ‖ π′(·|s))',
  pinsker: '√(D_KL/2)',
  ratio: 'D_TV / √(D_KL/2)',
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
