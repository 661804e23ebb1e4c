/**
 * The KL-regularised optimum, exactly (chapter 12): one prompt with five responses, an editable reference and
 * editable rewards, β on a log scale. π* = π_ref e^{r/β}/Z in closed form, checked against a Newton maximiser that
 * never uses the closed form, against the Gibbs identity at a random policy and against a cloud of random
 * policies; the reward–KL frontier as β sweeps, with the current β marked.
 */
import { useMemo } from 'react';
import {
  Chart,
  Controls,
  DerivationTable,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  checkSteps,
  formatNumber,
  histogram,
  line,
  marks,
  seedParam,
  type DerivationStep,
} from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import {
  createRng,
  klDivergence,
  klRegularizedObjective,
  klRegularizedOptimum,
  logSpacedBetas,
  maximizeKlRegularized,
  rewardKlFrontier,
  softmax,
  winRate,
} from '@/rl';

const K = 5;
const R_DEFAULT = [0.1, 0.4, 0.9, -0.5, 1.2];
const W_DEFAULT = [0.4, 0.25, 0.15, 0.12, 0.08];
const BETA = { min: 0.02, max: 20 };
/** Random policies in the cloud under the frontier. */
const CLOUD = 400;

const rewardSpec = (i: number) =>
  num({ min: -2, max: 2, step: 0.05, default: R_DEFAULT[i], label: `reward r(y${i + 1})` });
const weightSpec = (i: number) =>
  num({ min: 0, max: 1, step: 0.01, default: W_DEFAULT[i], label: `reference weight of y${i + 1}` });

const params = defineParams({
  beta: num({ min: BETA.min, max: BETA.max, step: 0.001, default: 0.5, log: true, label: 'β' }),
  r0: rewardSpec(0),
  r1: rewardSpec(1),
  r2: rewardSpec(2),
  r3: rewardSpec(3),
  r4: rewardSpec(4),
  w0: weightSpec(0),
  w1: weightSpec(1),
  w2: weightSpec(2),
  w3: weightSpec(3),
  w4: weightSpec(4),
  seed: seedParam(1),
});

type Values = { [k in keyof typeof params]: number };

/** A row of the frontier chart: a point of the frontier, or (in the scatter layer's own rows) a random policy. */
interface FrontierRow {
  kl: number;
  'E[r] on the frontier'?: number;
  'E[r] of a random policy'?: number;
  beta?: number;
}

function problem(p: Values) {
  const r = [p.r0, p.r1, p.r2, p.r3, p.r4];
  const w = [p.w0, p.w1, p.w2, p.w3, p.w4];
  const total = w.reduce((a, b) => a + b, 0);
  const notices: string[] = [];
  let ref: number[];
  if (total <= 0) {
    ref = new Array<number>(K).fill(1 / K);
    notices.push('Every reference weight is zero: using the uniform reference instead.');
  } else ref = w.map((v) => v / total);
  return { r, ref, notices };
}

/** Random policies on the reference's support: log π_ref plus noise of random size (near the reference and far). */
function cloud(ref: number[], seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: CLOUD }, () => {
    const s = 3 * rng.uniform();
    const logits = ref.map((p) => (p > 0 ? Math.log(p) + s * rng.normal() : -Infinity));
    return softmax(logits);
  });
}

export default function KlOptimum({ id = 'klopt' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const { r, ref, notices } = useMemo(() => problem(p), [p]);
  const beta = p.beta;
  const opt = useMemo(() => klRegularizedOptimum(ref, r, beta), [ref, r, beta]);
  const newton = useMemo(() => maximizeKlRegularized(ref, r, beta), [ref, r, beta]);
  const policies = useMemo(() => cloud(ref, p.seed), [ref, p.seed]);
  const frontier = useMemo(
    (): FrontierRow[] =>
      rewardKlFrontier(ref, r, logSpacedBetas(BETA.min, BETA.max, 80)).map((f) => ({
        kl: f.kl,
        'E[r] on the frontier': f.expectedReward,
        beta: f.beta,
      })),
    [ref, r],
  );
  const scatter = useMemo(
    (): FrontierRow[] =>
      policies.map((q) => ({
        kl: klDivergence(q, ref),
        'E[r] of a random policy': q.reduce((s, v, i) => s + v * r[i], 0),
      })),
    [policies, ref, r],
  );
  const expectedRef = ref.reduce((s, v, i) => s + v * r[i], 0);
  const values = policies.map((q) => klRegularizedObjective(q, ref, r, beta));
  const best = Math.max(...values);
  const probe = policies[0];
  const h = 1e-4 * beta;
  const [lo, hi] = rewardKlFrontier(ref, r, [beta - h, beta + h]);
  const slope = hi.kl !== lo.kl ? (hi.expectedReward - lo.expectedReward) / (hi.kl - lo.kl) : NaN;

  const steps: DerivationStep[] = checkSteps([
    {
      id: 'klopt-sum',
      label: 'π* is a distribution',
      formula: 'Σ π_ref e^{r/β} / Z',
      lhs: opt.pi.reduce((a, b) => a + b, 0),
      rhs: 1,
    },
    {
      id: 'klopt-value-check',
      label: 'its value is β log Z',
      formula: 'E_π*[r] − β KL(π* ‖ π_ref)',
      lhs: klRegularizedObjective(opt.pi, ref, r, beta),
      rhs: opt.value,
    },
    {
      id: 'klopt-newton',
      label: `Newton on the simplex (${newton.iterations} steps)`,
      formula: 'max_π F(π), no closed form',
      lhs: newton.value,
      rhs: opt.value,
    },
    {
      id: 'klopt-newton-pi',
      label: 'the maximiser it finds',
      formula: 'max_y |π_Newton(y) − π*(y)|',
      lhs: Math.max(...newton.pi.map((q, i) => Math.abs(q - opt.pi[i]))),
      rhs: 1e-9,
      relation: '≤',
    },
    {
      id: 'klopt-gibbs',
      label: 'Gibbs identity at a random π',
      formula: 'F(π) = β log Z − β KL(π ‖ π*)',
      lhs: values[0],
      rhs: opt.value - beta * klDivergence(probe, opt.pi),
    },
    {
      id: 'klopt-cloud',
      label: `best of ${CLOUD} random policies`,
      formula: 'max_i F(π_i) ≤ β log Z',
      lhs: best,
      rhs: opt.value,
      relation: '≤',
    },
    {
      id: 'klopt-slope',
      label: 'slope of the frontier at β',
      formula: 'dE[r]/dKL (finite difference)',
      lhs: slope,
      rhs: beta,
      tol: 1e-5,
    },
  ]);

  const bars = opt.pi.map((q, i) => ({
    y: i + 1,
    lo: i + 0.6,
    mid: i + 1,
    hi: i + 1.4,
    π_ref: ref[i],
    'π*': q,
    reward: r[i],
  }));

  return (
    <WidgetShell
      title="The KL-regularised optimum, exactly"
      onReset={reset}
      notices={notices}
      description="One prompt, five responses. Set the reference (weights, renormalised) and the rewards; β is on a log scale."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={set} />
      </Controls>
      <Readouts>
        <Readout label="β log Z (the optimal value)" value={opt.value} testId="klopt-value" />
        <Readout label="log Z" value={opt.logZ} testId="klopt-logz" />
        <Readout label="E_π*[r]" value={opt.expectedReward} testId="klopt-er" />
        <Readout label="E_π_ref[r]" value={expectedRef} testId="klopt-er-ref" />
        <Readout label="KL(π* ‖ π_ref)" value={opt.kl} testId="klopt-kl" />
        <Readout label="win rate of π* against π_ref" value={winRate(opt.pi, ref, r)} testId="klopt-win" />
        <Readout label="Newton iterations" value={newton.iterations} testId="klopt-iterations" />
        <Readout
          label="|Newton − closed form| (value)"
          value={Math.abs(newton.value - opt.value)}
          testId="klopt-newton-gap"
        />
        <Readout label="β log Z − best random F" value={opt.value - best} testId="klopt-cloud-gap" />
      </Readouts>
      <Readouts>
        {opt.pi.map((q, i) => (
          <Readout key={i} label={`π*(y${i + 1})`} value={q} testId={`klopt-pi-${i + 1}`} digits={4} />
        ))}
      </Readouts>
      {/* Compact type: the check table fits the column on a desktop, so it needs no scrolling there. */}
      <div style={{ fontSize: '0.85rem' }}>
        <DerivationTable
          steps={steps}
          caption="Checks of the closed-form optimum"
          filename="kl-optimum-checks"
          format={(v) =>
            typeof v === 'number' ? formatNumber(v, 6) : v.map((x) => formatNumber(x, 4)).join(', ')
          }
        />
      </div>
      <Chart
        caption="Reference and optimal policy for each response (bars), with the rewards"
        data={bars}
        x="mid"
        xLabel="response"
        yLabel="probability / reward"
        filename="kl-optimum-policies"
        layers={[
          histogram('π_ref', 'lo', 'mid', 'π_ref'),
          histogram('π*', 'mid', 'hi', 'π*'),
          line('reward', 'reward r(y)', { dots: true, dashed: true }),
        ]}
      />
      <Chart
        caption="The reward–KL frontier as β sweeps from 0.02 to 20, the current β marked, and random policies beneath it"
        data={frontier}
        x="kl"
        xLabel="KL(π ‖ π_ref)"
        yLabel="expected reward"
        filename="kl-optimum-frontier"
        layers={[
          line('E[r] on the frontier', 'E[r] on the frontier (π*_β)'),
          line('E[r] of a random policy', 'random policies', { dotsOnly: true, data: scatter }),
          marks([
            { x: opt.kl, y: opt.expectedReward, label: `π* at β = ${beta.toPrecision(3)}` },
            { x: 0, y: expectedRef, label: 'π_ref' },
          ]),
        ]}
      />
    </WidgetShell>
  );
}
