/**
 * AgentLibrary: the reader's saved agents (IndexedDB), listed with their training returns. Each can be watched
 * (the EnvPlay widget with that agent, your returns next to its), evaluated over N episodes, exported as a JSON
 * file, shared, renamed or deleted; an agent file can be imported (validated, with a clear message when it does
 * not fit). `<Widget name="AgentLibrary" />`.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createRng } from '@/rl';
import { parseAgentFile, serialiseAgent, type AgentFile } from '@/lib/agent-file';
import { agentLibrary, type SavedAgent } from '@/lib/agent-library';
import { Button, Controls, Readout, Readouts, Slider, WidgetShell } from '@/widgets/common';
import EnvPlay from '../EnvPlay';
import { agentActor } from './agent-act';
import { agentFileName, downloadAgent } from './agent-download';
import { makeEvaluation, meanStd } from './evaluation';

async function shareAgent(a: AgentFile): Promise<string> {
  const file = new File([serialiseAgent(a)], agentFileName(a), { type: 'application/json' });
  const nav = navigator as Navigator & { canShare?: (d: { files: File[] }) => boolean };
  if (nav.canShare?.({ files: [file] })) {
    await nav.share({ files: [file], title: a.name, text: `A ${a.algo} agent for ${a.env}` });
    return 'Shared.';
  }
  downloadAgent(a);
  return 'This browser cannot share files directly: the agent file was downloaded; send it, and open it with "Import".';
}

const fmt = (v: number | null | undefined, d = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d);

interface EvalState {
  id: string;
  returns: number[];
  done: boolean;
  episodes: number;
}

export default function AgentLibrary({ seed = 1 }: { seed?: number | string }) {
  const lib = agentLibrary();
  const state = useSyncExternalStore(lib.store.subscribe, lib.store.getState);
  const [watching, setWatching] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [episodes, setEpisodes] = useState(20);
  const [evaluation, setEvaluation] = useState<EvalState | null>(null);
  const cancelEval = useRef<() => void>(() => {});
  const runSeed = Number.isInteger(Number(seed)) ? Number(seed) : 1;
  useEffect(() => () => cancelEval.current(), []);

  const watched = state.agents.find((a) => a.id === watching) ?? null;
  const external = useMemo(() => {
    if (!watched) return undefined;
    const act = agentActor(watched.agent.policy, createRng(runSeed + 11));
    return { label: `saved agent "${watched.agent.name}"`, env: watched.agent.env, act };
  }, [watched, runSeed]);

  const importFile = async (file: File) => {
    setMessage(null);
    const text = await file.text();
    const r = parseAgentFile(text);
    if (!r.ok) {
      setErrors([`${file.name} was not imported:`, ...r.errors]);
      return;
    }
    setErrors([]);
    const saved = await lib.save(r.agent);
    setMessage(`Imported "${r.agent.name}" (${r.agent.env}).`);
    setWatching(saved.id);
  };

  const evaluate = (s: SavedAgent) => {
    cancelEval.current();
    const work = makeEvaluation(s.agent, episodes, runSeed);
    let cancelled = false;
    cancelEval.current = () => {
      cancelled = true;
    };
    setEvaluation({ id: s.id, returns: [], done: false, episodes });
    const tick = () => {
      if (cancelled) return;
      const t0 = performance.now();
      while (!work.done() && performance.now() - t0 < 8) work.step();
      setEvaluation({ id: s.id, returns: [...work.returns], done: work.done(), episodes });
      if (!work.done()) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  };

  const ev = evaluation ? meanStd(evaluation.returns) : null;
  const evName = evaluation ? state.agents.find((a) => a.id === evaluation.id)?.agent.name : undefined;

  return (
    <WidgetShell
      title="Saved agents"
      notices={[
        ...(state.problem ? [state.problem] : []),
        ...(state.skipped
          ? [
              `${state.skipped} stored entr${state.skipped === 1 ? 'y is' : 'ies are'} not a valid agent and ${state.skipped === 1 ? 'was' : 'were'} skipped.`,
            ]
          : []),
      ]}
      description="Agents you saved from a training panel or imported from a file. Watch one play, race it yourself, evaluate it, or export and share it."
    >
      <Controls>
        <label className="btn" style={{ cursor: 'pointer' }}>
          Import agent file…
          <input
            type="file"
            accept="application/json,.json"
            data-testid="agent-import"
            className="visually-hidden"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        <Slider label="Evaluation episodes" value={episodes} min={1} max={100} onChange={setEpisodes} />
      </Controls>
      {errors.length > 0 && (
        <div role="alert" className="widget-notices" data-testid="agent-import-errors">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p role="status" data-testid="agent-message">
          {message}
        </p>
      )}
      {!state.loaded ? (
        <p>Loading saved agents…</p>
      ) : state.agents.length === 0 ? (
        <p data-testid="agent-empty">
          No saved agents yet: train one in a training panel and press "Save agent", or import a file.
        </p>
      ) : (
        <div className="table-scroll">
          <table data-testid="agent-table">
            <caption>Saved agents (training return: mean of the last 20 training episodes)</caption>
            <thead>
              <tr>
                <th scope="col">name</th>
                <th scope="col">environment</th>
                <th scope="col">algorithm</th>
                <th scope="col">training return</th>
                <th scope="col">steps</th>
                <th scope="col">seed / backend</th>
                <th scope="col">saved</th>
                <th scope="col">actions</th>
              </tr>
            </thead>
            <tbody>
              {state.agents.map((s) => (
                <tr key={s.id} data-agent-env={s.agent.env}>
                  <td>
                    <input
                      aria-label="Agent name"
                      defaultValue={s.agent.name}
                      maxLength={200}
                      onBlur={(e) => void lib.rename(s.id, e.currentTarget.value)}
                    />
                  </td>
                  <td>{s.agent.env}</td>
                  <td>{s.agent.algo}</td>
                  <td>{fmt(s.agent.returns.mean20)}</td>
                  <td>{s.agent.returns.steps}</td>
                  <td>
                    {s.agent.seed} / {s.agent.backend}
                  </td>
                  <td>{new Date(s.agent.savedAt).toLocaleString()}</td>
                  <td>
                    <Button onClick={() => setWatching(s.id)} ariaLabel={`Watch ${s.agent.name}`}>
                      Watch
                    </Button>{' '}
                    <Button onClick={() => evaluate(s)} ariaLabel={`Evaluate ${s.agent.name}`}>
                      Evaluate
                    </Button>{' '}
                    <Button onClick={() => downloadAgent(s.agent)} ariaLabel={`Export ${s.agent.name}`}>
                      Export
                    </Button>{' '}
                    <Button
                      onClick={() =>
                        void shareAgent(s.agent).then(setMessage, (e: Error) =>
                          setMessage(`Not shared: ${e.message}`),
                        )
                      }
                      ariaLabel={`Share ${s.agent.name}`}
                    >
                      Share
                    </Button>{' '}
                    <Button
                      onClick={() => {
                        if (watching === s.id) setWatching(null);
                        void lib.remove(s.id);
                      }}
                      ariaLabel={`Delete ${s.agent.name}`}
                    >
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evaluation && ev && (
        <Readouts>
          <Readout
            label={`evaluated: ${evName ?? 'agent'}`}
            value={`${evaluation.returns.length} / ${evaluation.episodes} episodes`}
            testId="agent-eval-progress"
          />
          <Readout label="mean return" value={ev.mean} testId="agent-eval-mean" digits={5} />
          <Readout label="std" value={ev.std} testId="agent-eval-std" digits={4} />
          <Readout label="done" value={evaluation.done} testId="agent-eval-done" />
        </Readouts>
      )}
      {watched && external && (
        <EnvPlay
          key={watched.id}
          id="saved"
          agent={external}
          title={`Watch and play: "${watched.agent.name}" on ${watched.agent.env}`}
        />
      )}
    </WidgetShell>
  );
}
