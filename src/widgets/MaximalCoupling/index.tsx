/**
 * Maximal coupling (chapter 8): the joint distribution as a heatmap, and a sampler drawing pairs whose running
 * disagreement rate converges to TV under the maximal coupling (and to something larger under independence).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createRng,
  independentCoupling,
  maximalCoupling,
  randomDistribution,
  sampleDisagreements,
  tvThreeWays,
} from '@/rl';
import { Button, Controls, LineChart, Readout, Readouts, ParamSlider, WidgetShell } from '@/widgets/common';
import { defineParams, int, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: int({ min: 0, max: 9999, default: 1 }),
  k: int({ min: 2, max: 8, default: 4 }),
});

const BATCH = 2000;
const MAX_SAMPLES = 200_000;

export default function MaximalCoupling({ id = 'coupling' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const dists = useMemo(() => {
    const rng = createRng(p.seed);
    const P = randomDistribution(rng, p.k);
    const Q = randomDistribution(rng, p.k);
    return { P, Q, max: maximalCoupling(P, Q), ind: independentCoupling(P, Q), tv: tvThreeWays(P, Q) };
  }, [p.seed, p.k]);
  const [run, setRun] = useState({
    n: 0,
    dis: 0,
    disInd: 0,
    history: [] as Array<{ n: number; maximal: number; independent: number; tv: number }>,
  });
  const [playing, setPlaying] = useState(false);
  const rngs = useRef({ a: createRng(p.seed + 7), b: createRng(p.seed + 8) });

  useEffect(() => {
    rngs.current = { a: createRng(p.seed + 7), b: createRng(p.seed + 8) };
    setRun({ n: 0, dis: 0, disInd: 0, history: [] });
  }, [dists, p.seed]);

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
        history: [...r.history, { n, maximal: dis / n, independent: disInd / n, tv: dists.tv.halfL1 }],
      };
    });

  useEffect(() => {
    if (!playing) return;
    // One small batch per frame keeps the main thread free.
    let raf = requestAnimationFrame(function tick() {
      drawBatch();
      raf = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(raf);
  });

  useEffect(() => {
    if (run.n >= MAX_SAMPLES) setPlaying(false);
  }, [run.n]);

  const maxCell = Math.max(...dists.max.joint.flat());
  return (
    <WidgetShell
      title="The maximal coupling"
      onReset={() => {
        reset();
        setPlaying(false);
      }}
      description="Two random distributions p and q. The maximal coupling puts all the common mass min(p, q) on the diagonal, so X ≠ Y only with probability TV(p, q)."
    >
      <Controls>
        <ParamSlider label="outcomes k" name="k" specs={params} values={p} set={set} />
        <ParamSlider label="seed" name="seed" specs={params} values={p} set={set} />
        <Button onClick={() => setPlaying((x) => !x)} variant="primary" testId="coupling-play">
          {playing ? 'Pause sampling' : 'Sample pairs'}
        </Button>
        <Button onClick={drawBatch} testId="coupling-step">
          Draw {BATCH}
        </Button>
      </Controls>
      <div
        className="heatmap"
        role="img"
        aria-label="Joint distribution of the maximal coupling; rows X, columns Y"
      >
        <table>
          <caption>Joint P(X = i, Y = j) of the maximal coupling (rows: X ∼ p; columns: Y ∼ q)</caption>
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
            {dists.max.joint.map((row, i) => (
              <tr key={i}>
                <th scope="row">
                  {i} (p={dists.P[i].toFixed(2)})
                </th>
                {row.map((v, j) => (
                  <td
                    key={j}
                    style={{
                      background: `color-mix(in srgb, var(--accent) ${Math.round((v / maxCell) * 70)}%, transparent)`,
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
      <Readouts>
        <Readout label="TV (half L1)" value={dists.tv.halfL1} testId="coupling-tv" />
        <Readout label="TV (max over events)" value={dists.tv.maxEvent} testId="coupling-tv-events" />
        <Readout label="P(X ≠ Y), maximal coupling" value={dists.max.disagreement} testId="coupling-exact" />
        <Readout label="pairs drawn" value={run.n} testId="coupling-samples" />
        <Readout label="estimate, maximal" value={run.n ? run.dis / run.n : NaN} testId="coupling-estimate" />
        <Readout
          label="estimate, independent"
          value={run.n ? run.disInd / run.n : NaN}
          testId="coupling-independent-estimate"
        />
        <Readout
          label="P(X ≠ Y), independent"
          value={dists.ind.disagreement}
          testId="coupling-independent-exact"
        />
      </Readouts>
      <LineChart
        data={run.history}
        xKey="n"
        xLabel="pairs drawn"
        yLabel="fraction with X ≠ Y"
        filename="coupling-estimates"
        caption="Running disagreement rate under the maximal and the independent coupling, against TV."
        series={[
          { key: 'maximal', label: 'maximal coupling' },
          { key: 'independent', label: 'independent' },
          { key: 'tv', label: 'TV(p, q)', dashed: true },
        ]}
        yDomain={[0, 1]}
      />
    </WidgetShell>
  );
}
