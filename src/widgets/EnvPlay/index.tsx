/**
 * EnvPlay: watch an agent play a classic-control environment, at Gymnasium's real speed or faster, then play it
 * yourself — arrow keys or on-screen buttons for the discrete envs, a slider or the pointer for the continuous ones —
 * with your returns next to the agent's. Your k-th episode and the agent's k-th start from the same state.
 * `<Widget name="EnvPlay" env="Acrobot-v1" />`; settings and seed live in the URL (`?play.env=…`).
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { controllers, createRng, ENV_IDS, envs, isEnvId, type Action, type EnvId } from '@/rl';
import { defineParams, int, oneOf, useUrlParams } from '@/lib/url-state';
import {
  Button,
  Controls,
  DataTable,
  ExportMenu,
  Readout,
  Readouts,
  Select,
  Slider,
  WidgetShell,
} from '@/widgets/common';
import { EnvCanvas } from '@/widgets/EnvRender/EnvCanvas';
import { summarise, type EpisodeRow } from './episodes';
import {
  humanAction,
  initialInput,
  inputHelp,
  pointerValue,
  type Held,
  type HumanInput,
} from './human-input';
import { usePlayLoop } from './usePlayLoop';

const SPEEDS = ['0.25', '0.5', '1', '2', '4', '8', '32'] as const;
const AGENTS = ['controller', 'random'] as const;

/** An agent from outside (a trained or saved policy): acts on float32 observations. */
export interface ExternalAgent {
  label: string;
  env: EnvId;
  act: (obs: Float32Array) => Action;
}

export interface EnvPlayProps {
  env?: string;
  seed?: number | string;
  /** Distinguishes two of these widgets on one page (URL keys `play.<id>.…`). */
  id?: string;
  /** A policy to watch instead of the built-in ones (e.g. a saved agent). */
  agent?: ExternalAgent;
  title?: string;
}

const AGENT_LABELS: Record<(typeof AGENTS)[number], string> = {
  controller: 'hand-written controller',
  random: 'random actions',
};

function describeState(id: EnvId, s: readonly number[]): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
  switch (id) {
    case 'CartPole-v1':
      return `cart at x = ${f(s[0])} m, pole at ${f(((s[2] ?? 0) * 180) / Math.PI)} degrees`;
    case 'Acrobot-v1':
      return `link angles θ1 = ${f(s[0])}, θ2 = ${f(s[1])} rad`;
    case 'Pendulum-v1':
      return `pendulum at θ = ${f(s[0])} rad (0 is upright), θ̇ = ${f(s[1])}`;
    default:
      return `car at x = ${f(s[0])}, velocity ${f(s[1])}`;
  }
}

export default function EnvPlay({ env: envProp, seed: seedProp, id, agent, title }: EnvPlayProps) {
  const defaultEnv: EnvId = agent?.env ?? (isEnvId(envProp) ? envProp : 'CartPole-v1');
  const specs = useMemo(
    () =>
      defineParams({
        env: oneOf(ENV_IDS, defaultEnv),
        mode: oneOf(['watch', 'play'] as const, 'watch'),
        agent: oneOf(AGENTS, 'controller'),
        speed: oneOf(SPEEDS, '1'),
        seed: int({
          min: 0,
          max: 2 ** 31 - 1,
          default: Number.isInteger(Number(seedProp)) ? Number(seedProp) : 1,
        }),
      }),
    [defaultEnv, seedProp],
  );
  const [p, setP, resetP] = useUrlParams(`play${id ? `.${id}` : ''}`, specs);
  const envId: EnvId = agent ? agent.env : p.env;
  const spec = envs[envId].spec;
  const [rows, setRows] = useState<EpisodeRow[]>([]);
  const [running, setRunning] = useState(false);
  const input = useRef<HumanInput>(initialInput());
  const [sliderValue, setSliderValue] = useState(0);
  const randomRng = useMemo(() => createRng(p.seed + 104729), [p.seed]);

  const you = summarise(rows, 'you');
  const them = summarise(rows, 'agent');
  const who = p.mode === 'play' ? 'you' : 'agent';
  const nextEpisode = who === 'you' ? you.episodes : them.episodes;

  const agentAct = useCallback(
    (obs: Float32Array): Action => {
      if (agent) return agent.act(obs);
      if (p.agent === 'controller') return controllers[envId](obs);
      const a = envs[envId].spec.action;
      return a.kind === 'discrete'
        ? randomRng.int(a.n)
        : [a.low[0] + (a.high[0] - a.low[0]) * randomRng.uniform()];
    },
    [agent, p.agent, envId, randomRng],
  );

  const onEpisode = useCallback(
    (ret: number, length: number, index: number) =>
      setRows((r) => [...r, { who, episode: index + 1, return: ret, length }]),
    [who],
  );

  const area = useRef<HTMLDivElement>(null);
  const view = usePlayLoop({
    area,
    env: envId,
    seed: p.seed,
    speed: Number(p.speed),
    running,
    autoRestart: p.mode === 'watch',
    act: p.mode === 'play' ? () => humanAction(envId, input.current) : agentAct,
    onEpisode,
    onStop: () => setRunning(false),
    firstEpisode: nextEpisode,
  });

  const hold = (h: Held) => {
    input.current.held = h;
    if (h) input.current.last = h;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (p.mode !== 'play') return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      hold(e.key === 'ArrowLeft' ? 'left' : 'right');
      if (!running) setRunning(true);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      setRunning((r) => !r);
    }
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (
      (e.key === 'ArrowLeft' && input.current.held === 'left') ||
      (e.key === 'ArrowRight' && input.current.held === 'right')
    )
      hold(null);
  };
  const pointerTorque = (e: PointerEvent<HTMLCanvasElement>) => {
    if (p.mode !== 'play' || spec.action.kind !== 'box' || e.buttons === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    const v = pointerValue(envId, (e.clientX - r.left) / r.width);
    input.current.value = v;
    setSliderValue(v);
  };

  const changeEnv = (env: EnvId) => {
    setRunning(false);
    setRows([]);
    input.current = initialInput();
    setSliderValue(0);
    setP({ env });
  };
  const changeMode = (mode: 'watch' | 'play') => {
    setRunning(false);
    input.current = initialInput();
    setP({ mode });
  };
  const reset = () => {
    setRunning(false);
    setRows([]);
    input.current = initialInput();
    setSliderValue(0);
    resetP();
  };

  const agentLabel = agent ? agent.label : AGENT_LABELS[p.agent];
  const discrete = spec.action.kind === 'discrete';
  const holdButton = (h: 'left' | 'right', label: string) => (
    <button
      type="button"
      className="btn"
      aria-label={label}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        hold(h);
        if (!running) setRunning(true);
      }}
      onPointerUp={() => hold(null)}
      onPointerCancel={() => hold(null)}
      onKeyDown={(e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          hold(h);
          if (!running) setRunning(true);
        }
      }}
      onKeyUp={() => hold(null)}
    >
      {h === 'left' ? '◀' : '▶'}
    </button>
  );

  return (
    <WidgetShell
      title={title ?? `Watch and play: ${envId}`}
      onReset={reset}
      description={
        p.mode === 'watch'
          ? `The ${agentLabel} plays ${envId} at ${p.speed}× Gymnasium's speed. Switch to "play" to try it yourself.`
          : inputHelp(envId)
      }
    >
      <Controls>
        {!agent && (
          <Select
            label="Environment"
            value={p.env}
            options={ENV_IDS}
            onChange={(v) => changeEnv(v as EnvId)}
          />
        )}
        <Select
          label="Mode"
          value={p.mode}
          options={[
            { value: 'watch', label: 'watch the agent' },
            { value: 'play', label: 'play it yourself' },
          ]}
          onChange={(v) => changeMode(v)}
        />
        {!agent && (
          <Select
            label="Agent"
            value={p.agent}
            options={AGENTS.map((a) => ({ value: a, label: AGENT_LABELS[a] }))}
            onChange={(v) => setP({ agent: v })}
          />
        )}
        <Select
          label="Speed"
          value={p.speed}
          options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
          onChange={(v) => setP({ speed: v })}
        />
        <Button variant="primary" onClick={() => setRunning((r) => !r)} testId="play-run">
          {running ? 'Pause' : p.mode === 'play' ? (view.steps > 0 ? 'Resume' : 'Start episode') : 'Watch'}
        </Button>
      </Controls>
      <div
        ref={area}
        className="env-play-area"
        tabIndex={0}
        role="group"
        aria-label={`${envId} play area. ${p.mode === 'play' ? inputHelp(envId) : 'Watching the agent.'} Space starts or pauses.`}
        data-testid="play-area"
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
        onBlur={() => hold(null)}
        style={{ display: 'inline-block', outlineOffset: 2 }}
      >
        <EnvCanvas
          env={envId}
          state={view.state.length ? view.state : new Array(4).fill(0)}
          lastU={view.lastU}
          width={360}
          testId="play-canvas"
          label={`${envId}: ${describeState(envId, view.state)}; step ${view.steps}, return so far ${view.ret.toFixed(1)}`}
          onPointerDown={pointerTorque}
          onPointerMove={pointerTorque}
        />
      </div>
      {p.mode === 'play' && (
        <Controls>
          {discrete ? (
            <>
              {holdButton('left', envId === 'Acrobot-v1' ? 'Torque −1 (hold)' : 'Push left (hold)')}
              {holdButton('right', envId === 'Acrobot-v1' ? 'Torque +1 (hold)' : 'Push right (hold)')}
            </>
          ) : (
            spec.action.kind === 'box' && (
              <Slider
                label={envId === 'Pendulum-v1' ? 'Torque' : 'Force'}
                value={sliderValue}
                min={spec.action.low[0]}
                max={spec.action.high[0]}
                step={0.05}
                format={(v) => v.toFixed(2)}
                onChange={(v) => {
                  input.current.value = v;
                  setSliderValue(v);
                }}
              />
            )
          )}
        </Controls>
      )}
      <Readouts>
        <Readout label="step" value={view.steps} testId="play-steps" />
        <Readout label="return so far" value={view.ret} testId="play-return" digits={5} />
        <Readout label="your last return" value={you.last} testId="play-you-last" digits={5} />
        <Readout label="your best" value={you.best} testId="play-you-best" digits={5} />
        <Readout
          label={`agent's mean (${them.episodes} ep.)`}
          value={them.mean}
          testId="play-agent-mean"
          digits={5}
        />
        <Readout label="solved at" value={spec.solveThreshold} testId="play-threshold" />
      </Readouts>
      <DataTable rows={rows} caption="Finished episodes, yours and the agent's" />
      <ExportMenu filename={`play-${envId}`} rows={rows} />
    </WidgetShell>
  );
}
