/**
 * Maximal coupling (chapter 8): the joint distribution as a heatmap, the pieces of the construction, and a seeded
 * sampler drawing pairs whose running disagreement rate converges to TV under the maximal coupling (and to
 * 1 − Σ p q, which is larger, under the independent one).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createRng,
  independentCoupling,
  maximalCoupling,
  randomDistribution,
  sampleDisagreements,
  tvThreeWays,
  type Coupling,
} from '@/rl';
import {
  seedParam,
  Button,
  Controls,
  DataTable,
  ParamControls,
  Readout,
  Readouts,
  Select,
  WidgetShell,
  Chart,
  line,
} from '@/widgets/common';
import { defineParams, int, oneOf, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  k: int({ min: 2, max: 8, default: 4, label: 'outcomes k' }),
  support: int({ min: 1, max: 8, default: 8, label: 'support size of p and q' }),
  show: oneOf(['maximal', 'independent'] as const, 'maximal'),
});

const BATCH = 2000;
const MAX_SAMPLES = 400_000;

type Run = {
  n: number;
  dis: number;
  disInd: number;
  history: Array<{
    n: number;
    maximal: number;
    independent: number;
    tv: number;
    'independent, exact': number;
  }>;
};
const EMPTY: Run = { n: 0, dis: 0, disInd: 0, history: [] };

/** Largest deviation of a joint matrix's row sums from p and column sums from q. */
function marginalError(c: Coupling, p: number[], q: number[]) {
  let err = 0;
  for (let i = 0; i < p.length; i++) {
    err = Math.max(err, Math.abs(c.joint[i].reduce((a, b) => a + b, 0) - p[i]));
    err = Math.max(err, Math.abs(c.joint.reduce((a, row) => a + row[i], 0) - q[i]));
  }
  return err;
}

export default function MaximalCoupling({ id = 'coupling' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const [generation, setGeneration] = useState(0);
  const dists = useMemo(() => {
    const rng = createRng(p.seed);
    const support = Math.min(p.support, p.k);
    const P = randomDistribution(rng, p.k, support);
    const Q = randomDistribution(rng, p.k, support);
    const max = maximalCoupling(P, Q);
    const ind = independentCoupling(P, Q);
    return {
      P,
      Q,
      max,
      ind,
      tv: tvThreeWays(P, Q),
      marginalErr: Math.max(marginalError(max, P, Q), marginalError(ind, P, Q)),
    };
  }, [p.seed, p.k, p.support]);
  const [run, setRun] = useState<Run>(EMPTY);
  const [playing, setPlaying] = useState(false);
  const rngs = useRef({ a: createRng(p.seed + 7), b: createRng(p.seed + 8) });

  // New distributions (or a reset) restart the sampler from its seed, so a run is reproducible.
  useEffect(() => {
    rngs.current = { a: createRng(p.seed + 7), b: createRng(p.seed + 8) };
    setRun(EMPTY);
  }, [dists, p.seed, generation]);

  const drawBatch = () =>
    setRun((r) => {
      if (r.n >= MAX_SAMPLES) return r;
      const dis = r.dis + sampleDisagreements(dists.max.joint, rngs.current.a, BATCH);
      const disInd = r.disInd + sampleDisagreements(dists.ind.joint, rngs.current.b, BATCH);
      const n = r.n + BATCH;
      return {
        n,
        dis,
        disInd,
        history: [
          ...r.history,
          {
            n,
            maximal: dis / n,
            independent: disInd / n,
            tv: dists.tv.halfL1,
            'independent, exact': dists.ind.disagreement,
          },
        ],
      };
    });

  // The frame loop reads the latest drawBatch through a ref, so it starts and stops only with `playing`.
  const drawRef = useRef(drawBatch);
  drawRef.current = drawBatch;
  useEffect(() => {
    if (!playing) return;
    // One batch of 2000 pairs per frame (well under a millisecond) keeps the page responsive.
    let raf = requestAnimationFrame(function tick() {
      drawRef.current();
      raf = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(raf);
  }, [playing]);

  useEffect(() => {
    if (run.n >= MAX_SAMPLES) setPlaying(false);
  }, [run.n]);

  const shown = p.show === 'maximal' ? dists.max : dists.ind;
  const maxCell = Math.max(...shown.joint.flat());
  const m = dists.P.map((x, i) => Math.min(x, dists.Q[i]));
  const commonMass = m.reduce((a, b) => a + b, 0);
  const se = (rate: number) => Math.sqrt((rate * (1 - rate)) / Math.max(1, run.n));
  return (
    <WidgetShell
      title="The maximal coupling"
      onReset={() => {
        reset();
        setPlaying(false);
        setGeneration((g) => g + 1);
      }}
      description="Two random distributions p and q. The maximal coupling puts the common mass min(p, q) on the diagonal and pairs the excess of p with the excess of q off it, so X ≠ Y exactly with probability TV(p, q). The independent coupling p ⊗ q has the same marginals but disagrees far more often."
    >
      <Controls>
        <ParamControls
          inline
          specs={params}
          values={p}
          set={set}
          fields={['k', 'support', 'seed']}
          max={{ support: p.k }}
        />
        <Select
          label="heatmap shows"
          value={p.show}
          options={[
            { value: 'maximal', label: 'maximal coupling' },
            { value: 'independent', label: 'independent coupling p ⊗ q' },
          ]}
          onChange={(show) => set({ show })}
        />
        <Button onClick={() => setPlaying((x) => !x)} variant="primary" testId="coupling-play">
          {playing ? 'Pause sampling' : 'Sample pairs'}
        </Button>
        <Button onClick={drawBatch} testId="coupling-step">
          Draw {BATCH}
        </Button>
      </Controls>
      <div className="heatmap">
        <table>
          <caption>
            Joint P(X = i, Y = j) of the {p.show === 'maximal' ? 'maximal' : 'independent'} coupling (rows: X
            ∼ p; columns: Y ∼ q; diagonal outlined). Off-diagonal mass: {shown.disagreement.toFixed(4)}.
          </caption>
          <thead>
            <tr>
              <th scope="col">X \ Y</th>
              {dists.Q.map((q, j) => (
                <th key={j} scope="col">
                  {j} (q={q.toFixed(2)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.joint.map((row, i) => (
              <tr key={i}>
                <th scope="row">
                  {i} (p={dists.P[i].toFixed(2)})
                </th>
                {row.map((v, j) => (
                  <td
                    key={j}
                    style={{
                      background: `color-mix(in srgb, var(--accent) ${maxCell > 0 ? Math.round((v / maxCell) * 70) : 0}%, transparent)`,
                      outline: i === j ? '2px solid var(--fg-muted)' : undefined,
                      outlineOffset: '-2px',
                    }}
                  >
                    {v.toFixed(3)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DataTable
        rows={dists.P.map((x, i) => ({
          x: i,
          p: x,
          q: dists.Q[i],
          'min(p, q): diagonal': m[i],
          '(p − q)⁺ / TV: law of X off the diagonal':
            dists.tv.halfL1 > 0 ? Math.max(0, x - dists.Q[i]) / dists.tv.halfL1 : 0,
          '(q − p)⁺ / TV: law of Y off the diagonal':
            dists.tv.halfL1 > 0 ? Math.max(0, dists.Q[i] - x) / dists.tv.halfL1 : 0,
        }))}
        caption="The pieces of the construction"
      />
      <Readouts>
        <Readout label="TV (half L1)" value={dists.tv.halfL1} testId="coupling-tv" />
        <Readout label="TV (max over events)" value={dists.tv.maxEvent} testId="coupling-tv-events" />
        <Readout label="P(X ≠ Y), maximal coupling" value={dists.max.disagreement} testId="coupling-exact" />
        <Readout label="common mass Σ min(p, q) = 1 − TV" value={commonMass} testId="coupling-common-mass" />
        <Readout
          label="P(X ≠ Y), independent"
          value={dists.ind.disagreement}
          testId="coupling-independent-exact"
        />
        <Readout
          label="largest marginal error of the joints"
          value={dists.marginalErr}
          testId="coupling-marginal-error"
          digits={2}
        />
      </Readouts>
      <Readouts>
        <Readout label="pairs drawn" value={run.n} testId="coupling-samples" />
        <Readout
          label="X ≠ Y rate, maximal"
          value={run.n ? run.dis / run.n : '—'}
          testId="coupling-estimate"
        />
        <Readout
          label="X ≠ Y rate, independent"
          value={run.n ? run.disInd / run.n : '—'}
          testId="coupling-independent-estimate"
        />
        <Readout
          label="standard error (maximal)"
          value={run.n ? se(dists.tv.halfL1) : '—'}
          testId="coupling-standard-error"
          digits={2}
        />
      </Readouts>
      <Chart
        data={run.history}
        x="n"
        xLabel="pairs drawn"
        yLabel="fraction with X ≠ Y"
        filename="coupling-estimates"
        caption="Running disagreement rate under the maximal and the independent coupling, against their exact values."
        layers={[
          line('maximal', 'maximal coupling (sampled)'),
          line('independent', 'independent (sampled)'),
          line('tv', 'TV(p, q)', { dashed: true }),
          line('independent, exact', '1 − Σ p q', { dashed: true }),
        ]}
        yDomain={[0, 1]}
      />
    </WidgetShell>
  );
}
