/**
 * "Break this theorem" (chapters 4, 5, 7 and 8): a search in a Web Worker for the instance where a bound is tightest —
 * a census of 1,000 random small MDPs and policy pairs (the histogram of relative slack), then random restarts each
 * refined by a local optimiser on P, R, the logits (and, in chapter 7, the critic's error and λ). Toggle the notes' statement and the same search finds
 * counterexamples; every instance it reports opens in the chapter's own widget by a link.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { LAB_MAX_ACTIONS, LAB_MAX_STATES, SEARCH_DEFAULTS, STATEMENTS, type StatementId } from '@/rl';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import {
  Button,
  Chart,
  Controls,
  histogram,
  ParamControls,
  Readout,
  Readouts,
  rule,
  seedParam,
  Select,
  WidgetShell,
} from '@/widgets/common';
import {
  createTheoremLab,
  type TheoremLab,
  type TheoremLabProgress,
  type FoundInstance,
} from '@/worker/theorem-lab-client';
import { binSlacks } from './histogram';
import { instanceLink, LAB_SEARCH_SPACE, LAB_STATEMENTS } from './targets';
import { FoundTable } from './FoundTable';

const VARIANT_LABELS = { corrected: 'corrected statement', notes: "notes' statement" } as const;

function makeParams(chapter: number) {
  const ids = LAB_STATEMENTS[chapter] ?? LAB_STATEMENTS[5];
  return defineParams({
    statement: oneOf(ids, ids[0], {
      label: 'bound',
      labels: Object.fromEntries(ids.map((id) => [id, STATEMENTS[id].title])),
    }),
    variant: oneOf(['corrected', 'notes'] as const, 'corrected', {
      label: 'statement',
      labels: VARIANT_LABELS,
    }),
    gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: SEARCH_DEFAULTS.gamma, label: 'γ' }),
    restarts: int({ min: 5, max: 200, default: SEARCH_DEFAULTS.restarts, label: 'restarts' }),
    maxStates: int({ min: 2, max: LAB_MAX_STATES, default: LAB_MAX_STATES, label: 'largest |S|' }),
    maxActions: int({ min: 2, max: LAB_MAX_ACTIONS, default: LAB_MAX_ACTIONS, label: 'largest |A|' }),
    seed: seedParam(1),
  });
}

type Phase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export default function BreakTheorem({
  chapter: chapterProp = 5,
  id,
}: {
  chapter?: number | string;
  id?: string;
}) {
  const chapter = LAB_STATEMENTS[Number(chapterProp)] ? Number(chapterProp) : 5;
  const key = id ?? `break${chapter}`;
  const params = useMemo(() => makeParams(chapter), [chapter]);
  const [p, set, reset] = useUrlParams(key, params);
  const statement = p.statement as StatementId;
  const info = STATEMENTS[statement];
  const variant = info.notes ? p.variant : 'corrected';
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<TheoremLabProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lab = useRef<TheoremLab | null>(null);

  useEffect(
    () => () => {
      lab.current?.terminate();
      lab.current = null;
    },
    [],
  );

  // A change of setting makes the shown results stale: cancel and clear.
  const settings = `${statement}|${variant}|${p.gamma}|${p.restarts}|${p.maxStates}|${p.maxActions}|${p.seed}`;
  const shown = useRef(settings);
  useEffect(() => {
    if (shown.current === settings) return;
    shown.current = settings;
    lab.current?.cancel();
    setProgress(null);
    setPhase('idle');
  }, [settings]);

  const start = () => {
    if (!lab.current) {
      const l = createTheoremLab();
      l.subscribe((e) => {
        if (e.type === 'progress') {
          // A transition: React renders the new histogram and tables in slices of a few milliseconds, yielding to
          // input in between, so a progress message never becomes one long main-thread task.
          startTransition(() => {
            setProgress(e);
            if (e.phase === 'done') setPhase('done');
          });
        } else if (e.type === 'cancelled') setPhase('cancelled');
        else {
          setError(e.message);
          setPhase('error');
          if (e.type === 'crash') lab.current = null;
        }
      });
      lab.current = l;
    }
    setError(null);
    setProgress(null);
    setPhase('running');
    lab.current.start({
      ...SEARCH_DEFAULTS,
      statement,
      variant,
      seed: p.seed,
      gamma: p.gamma,
      restarts: p.restarts,
      maxStates: p.maxStates,
      maxActions: p.maxActions,
    });
  };
  const cancel = () => lab.current?.cancel();

  const censusLength = progress?.census.length ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the census only grows: its length names it
  const bins = useMemo(() => binSlacks(progress?.census ?? []), [censusLength, settings]);
  const census = progress?.census.filter(Number.isFinite) ?? [];
  const censusMin = census.length ? Math.min(...census) : NaN;
  const best = progress?.best ?? null;
  const first = progress?.firstViolation ?? null;
  const total = SEARCH_DEFAULTS.censusSize;
  const statusText =
    phase === 'idle'
      ? 'Not run yet.'
      : phase === 'error'
        ? `The search stopped: ${error}`
        : `${phase === 'running' ? 'Searching' : phase === 'done' ? 'Done' : 'Cancelled'}: census ${
            progress?.census.length ?? 0
          }/${total}, restarts ${progress?.restartsDone ?? 0}/${p.restarts}, ${(
            progress?.evaluations ?? 0
          ).toLocaleString('en')} evaluations in ${((progress?.elapsedMs ?? 0) / 1000).toFixed(1)} s.`;
  const verdict =
    phase === 'done' || phase === 'cancelled'
      ? first
        ? `Violated: the search found an instance where the ${VARIANT_LABELS[variant]} fails.`
        : `No violation: the smallest relative slack found is ${best ? best.value.relative.toPrecision(4) : '—'}.`
      : '';

  // Progress arrives up to 4 times a second; the chart is redrawn only when the census has grown.
  const chart = useMemo(
    () => (
      <Chart
        caption={`Relative slack of the ${VARIANT_LABELS[variant]} over ${census.length} random instances (${bins.degenerate} degenerate ones, where the corrected bound concedes nothing, left out; ${bins.above} beyond the 98th percentile drawn in the last bar).`}
        description="Bars left of the rule at 0 are violations."
        data={bins.rows}
        x="mid"
        xLabel="relative slack"
        yLabel="instances"
        height={220}
        filename={`slack-${statement}-${variant}`}
        testId={`${key}-histogram`}
        layers={[histogram('count', 'x0', 'x1', 'instances'), rule({ x: 0, label: 'violated ← | → holds' })]}
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bins and census change together with censusLength
    [censusLength, statement, variant],
  );
  const firstSection = useMemo(
    () =>
      first && (
        <FoundSection
          title="First violation found"
          found={first}
          href={instanceLink(statement, first)}
          testId={`${key}-violation`}
        />
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a found instance never changes once reported
    [first?.evaluations, statement, key],
  );
  const bestSection = useMemo(
    () =>
      best && (
        <FoundSection
          title={first ? 'Worst violation found' : 'Tightest instance found'}
          found={best}
          href={instanceLink(statement, best)}
          testId={`${key}-tightest`}
        />
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the best instance changes only with its evaluation count
    [best?.evaluations, first !== null, statement, key],
  );

  return (
    <WidgetShell
      title={`Break this theorem: chapter ${chapter}`}
      onReset={reset}
      description={`A search, in a background worker, over random MDPs with up to 8 states and 3 actions (fewer if you ask) and ${LAB_SEARCH_SPACE[chapter]}, for the instance where the bound has the least slack: 1,000 random instances first (the histogram), then random restarts each refined by the local optimiser. Relative slack is the slack divided by what the corrected bound concedes (its penalty, or the gap it bounds; for the maximal coupling, an equality, by 1); below 0 the statement is violated.`}
    >
      <Controls>
        <Select
          label="bound"
          value={statement}
          options={(LAB_STATEMENTS[chapter] ?? LAB_STATEMENTS[5]).map((s) => ({
            value: s,
            label: STATEMENTS[s].title,
          }))}
          onChange={(v) => set({ statement: v } as Partial<typeof p>)}
        />
        <Select
          label="statement"
          value={variant}
          disabled={!info.notes}
          options={[
            { value: 'corrected', label: VARIANT_LABELS.corrected },
            { value: 'notes', label: VARIANT_LABELS.notes },
          ]}
          onChange={(v) => set({ variant: v })}
        />
        <ParamControls
          inline
          specs={params}
          values={p}
          set={set}
          fields={['gamma', 'maxStates', 'maxActions', 'restarts', 'seed']}
        />
        <Button variant="primary" onClick={start} testId={`${key}-search`}>
          {phase === 'idle' ? 'Search' : 'Search again'}
        </Button>
        <Button onClick={cancel} disabled={phase !== 'running'} testId={`${key}-cancel`}>
          Cancel
        </Button>
      </Controls>
      <p className="widget-description" data-testid={`${key}-statement`}>
        <strong>{VARIANT_LABELS[variant]}:</strong> {variant === 'notes' ? info.notes : info.corrected}
        {variant === 'notes' && info.notesSource ? ` (${info.notesSource})` : ''}
        {!info.notes
          ? ' The notes state this bound correctly: there is nothing of theirs to break here.'
          : ''}
      </p>
      <p data-testid={`${key}-progress`} data-phase={phase}>
        {statusText}
      </p>
      <p role="status" data-testid={`${key}-verdict`}>
        {verdict}
      </p>
      <Readouts>
        <Readout label="violation found" value={first !== null} testId={`${key}-violated`} />
        <Readout
          label="least relative slack (search)"
          value={best?.value.relative ?? NaN}
          testId={`${key}-best`}
        />
        <Readout label="least relative slack (census)" value={censusMin} testId={`${key}-census-min`} />
        <Readout
          label="census violations"
          value={progress?.censusViolations ?? 0}
          testId={`${key}-census-violations`}
        />
        <Readout
          label="first violation after"
          value={first ? first.elapsedMs : NaN}
          unit="ms"
          digits={4}
          testId={`${key}-first-ms`}
        />
        <Readout
          label="first violation at evaluation"
          value={first ? first.evaluations : NaN}
          testId={`${key}-first-evaluations`}
        />
      </Readouts>
      {chart}
      {firstSection}
      {bestSection}
    </WidgetShell>
  );
}

function FoundSection({
  title,
  found,
  href,
  testId,
}: {
  title: string;
  found: FoundInstance;
  href: string;
  testId: string;
}) {
  return (
    <section aria-label={title}>
      <h5>
        {title}: {found.states} states, {found.actions} actions, after{' '}
        {found.evaluations.toLocaleString('en')} evaluations ({(found.elapsedMs / 1000).toFixed(2)} s).{' '}
        <a href={href} data-testid={`${testId}-link`}>
          Open it in the chapter’s widget
        </a>
      </h5>
      <FoundTable value={found.value} testId={testId} />
    </section>
  );
}
