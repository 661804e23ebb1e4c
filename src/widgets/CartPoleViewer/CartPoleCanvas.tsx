/**
 * Watches a policy play CartPole-v1 on a canvas, simulated on the main thread at the env's own 50 Hz (tau 0.02 s)
 * by `CartPoleWatchLoop` (watch-loop.ts: redrawn only after a step, asleep while off-screen).
 * The pole is drawn with Gymnasium's sign convention: positive theta leans the pole toward +x (to the right).
 */
import { useEffect, useRef, useState } from 'react';
import { makePolicyRunner } from '@/worker/trainer-client';
import type { PolicySnapshot } from '@/worker/protocol';
import { useThemeColors } from '@/widgets/common/theme-colors';
import { CartPoleWatchLoop, type FrameScheduler } from './watch-loop';

export interface CartPoleCanvasProps {
  policy: PolicySnapshot | null;
  seed?: number;
  width?: number;
  height?: number;
}

export function drawCartPole(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  x: number,
  theta: number,
  t: number,
  fg = '#222',
) {
  ctx.clearRect(0, 0, w, h);
  const scale = w / 4.8; // x in [-2.4, 2.4] fills the width
  const groundY = h * 0.75;
  ctx.strokeStyle = fg;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, groundY);
  ctx.lineTo(w, groundY);
  ctx.stroke();
  const cx = w / 2 + x * scale;
  const cartW = 50;
  const cartH = 30;
  ctx.fillStyle = fg;
  ctx.fillRect(cx - cartW / 2, groundY - cartH, cartW, cartH);
  // Pole length 2 * 0.5 m (the env's "length" is the half-length).
  const len = scale * 1.0;
  const px = cx;
  const py = groundY - cartH;
  const tipX = px + len * Math.sin(theta);
  const tipY = py - len * Math.cos(theta);
  ctx.strokeStyle = '#c8773a';
  ctx.lineWidth = 8;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(px, py);
  ctx.lineTo(tipX, tipY);
  ctx.stroke();
  ctx.fillStyle = fg;
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`t = ${t}`, 8, 16);
}

const UNIFORM = [0.5, 0.5];
const rafFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export default function CartPoleCanvas({ policy, seed = 0, width = 360, height = 180 }: CartPoleCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [playing, setPlaying] = useState(true);
  const [last, setLast] = useState<number | null>(null);
  const policyRef = useRef(policy);
  policyRef.current = policy;
  // The theme decides the foreground colour: read once per theme, not at every frame (getComputedStyle per frame
  // forces a style recalculation whenever the page changed, which a training panel does 20 times a second).
  const theme = useThemeColors();
  const loopRef = useRef<CartPoleWatchLoop | null>(null);
  const fgRef = useRef('#222');

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !playing) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    fgRef.current = getComputedStyle(canvas).color || '#222';
    let snapshot: PolicySnapshot | null = null;
    let run: ((o: ArrayLike<number>) => ArrayLike<number>) | null = null;
    const loop = new CartPoleWatchLoop({
      seed,
      frames: rafFrames,
      probs: (s) => {
        if (policyRef.current !== snapshot) {
          snapshot = policyRef.current;
          run = snapshot ? makePolicyRunner(snapshot) : null;
        }
        return run ? run(s) : UNIFORM;
      },
      draw: (x, theta, t) => drawCartPole(ctx, width, height, x, theta, t, fgRef.current),
      onEpisode: setLast,
    });
    loopRef.current = loop;
    // Off-screen (the reader scrolled on, or a hidden tab) the viewer costs nothing.
    const io =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => loop.setVisible(entries[entries.length - 1].isIntersecting));
    io?.observe(canvas);
    loop.start();
    return () => {
      io?.disconnect();
      loop.stop();
      loopRef.current = null;
    };
  }, [playing, seed, width, height]);

  useEffect(() => {
    if (ref.current) fgRef.current = getComputedStyle(ref.current).color || '#222';
    loopRef.current?.invalidate();
  }, [theme]);

  return (
    <figure className="cartpole-viewer" style={{ margin: 0 }}>
      <canvas
        ref={ref}
        width={width}
        height={height}
        role="img"
        aria-label="CartPole played by the current policy"
        style={{ maxWidth: '100%', border: '1px solid currentColor', borderRadius: 4 }}
      />
      <figcaption style={{ fontSize: '0.85em', display: 'flex', gap: '0.5em', alignItems: 'center' }}>
        <button type="button" onClick={() => setPlaying((p) => !p)}>
          {playing ? 'Stop watching' : 'Watch the policy'}
        </button>
        {policy ? 'current policy, actions sampled' : 'random policy (no run yet)'}
        {last !== null && <span> · last episode: {last} steps</span>}
      </figcaption>
    </figure>
  );
}
