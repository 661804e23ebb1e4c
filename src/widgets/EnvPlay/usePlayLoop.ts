/**
 * Runs one environment in real time on the main thread: `fps × speed` steps a second (Gymnasium's render rate is
 * 1×), at most 6 ms of stepping per tick so the page never stalls, the picture redrawn after each tick.
 * `act` is read afresh at every step (a held key or a new policy applies at once). When an episode ends it is
 * reported and, with `autoRestart`, the next one starts; otherwise the loop stops. While the play area is off screen
 * (`area`: the reader scrolled on) the env keeps its pace but nothing redraws, so a watched agent left running costs
 * the page no renders; the picture catches up on the first tick back on screen.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createRng, envs, type Action, type Env, type EnvId } from '@/rl';
import { RENDER_FPS } from '@/widgets/EnvRender/geometry';
import { episodeSeed } from './episodes';

export interface PlayView {
  state: number[];
  lastU: number | null;
  steps: number;
  ret: number;
}

export interface PlayLoopOptions {
  env: EnvId;
  seed: number;
  speed: number;
  running: boolean;
  autoRestart: boolean;
  act: (obs: Float32Array) => Action;
  onEpisode: (ret: number, length: number, index: number) => void;
  onStop?: () => void;
  /** Index of the next episode to start (both players count their own). */
  firstEpisode: number;
  /** The element showing the play; redraws pause while it is off screen. */
  area?: RefObject<HTMLElement | null>;
}

const lastTorque = (env: Env): number | null => ('lastU' in env ? (env.lastU as number | null) : null);

export function usePlayLoop(o: PlayLoopOptions): PlayView {
  const opts = useRef(o);
  opts.current = o;
  const envRef = useRef<{ id: EnvId; env: Env; obs: Float32Array; ret: number; index: number } | null>(null);
  const [view, setView] = useState<PlayView>(() => ({ state: [], lastU: null, steps: 0, ret: 0 }));

  const start = (index: number) => {
    const { env: id, seed } = opts.current;
    const env = envs[id].make();
    const obs = env.reset(createRng(episodeSeed(seed, index)));
    envRef.current = { id, env, obs, ret: 0, index };
    setView({ state: Array.from(env.state), lastU: null, steps: 0, ret: 0 });
  };

  // A new env, seed or first episode shows that episode's start state (nothing runs until `running`).
  useEffect(() => {
    start(o.firstEpisode);
  }, [o.env, o.seed, o.firstEpisode]);

  // Whether the play area is on screen, kept in a ref: a change of it must not re-render by itself.
  const onScreen = useRef(true);
  useEffect(() => {
    const el = o.area?.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      onScreen.current = entries[entries.length - 1].isIntersecting;
    });
    io.observe(el);
    return () => io.disconnect();
  }, [o.area]);

  useEffect(() => {
    if (!o.running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let prev = performance.now();
    let acc = 0;
    // Timer ticks rather than animation frames: a busy or headless page may deliver frames once a second, and the
    // env must still run at its own pace; the canvas redraws on React's commit after each tick.
    const tick = () => {
      const cur = envRef.current;
      if (!cur) return;
      const { env: id, speed } = opts.current;
      const now = performance.now();
      const rate = RENDER_FPS[id] * speed;
      acc += (Math.min(250, now - prev) / 1000) * rate;
      prev = now;
      const t0 = now;
      let stopped = false;
      while (acc >= 1 && performance.now() - t0 < 6) {
        acc -= 1;
        const r = cur.env.step(opts.current.act(cur.obs));
        cur.ret += r.reward;
        cur.obs = r.obs;
        if (r.terminated || r.truncated) {
          opts.current.onEpisode(cur.ret, cur.env.steps, cur.index);
          if (!opts.current.autoRestart) stopped = true;
          else start(cur.index + 1);
          break;
        }
      }
      acc = Math.min(acc, Math.max(2, rate / 4)); // fell behind: drop the backlog rather than burst
      if (envRef.current === cur && (onScreen.current || stopped))
        setView({
          state: Array.from(cur.env.state),
          lastU: lastTorque(cur.env),
          steps: cur.env.steps,
          ret: cur.ret,
        });
      if (stopped) {
        opts.current.onStop?.();
        return;
      }
      timer = setTimeout(tick, Math.max(16, Math.min(100, 1000 / rate)));
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [o.running]);

  return view;
}
