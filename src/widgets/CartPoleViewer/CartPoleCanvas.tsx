/**
 * Watches a policy play CartPole-v1 on a canvas, simulated on the main thread at the env's own 50 Hz (tau 0.02 s).
 * The pole is drawn with Gymnasium's sign convention: positive theta leans the pole toward +x (to the right).
 */
import { useEffect, useRef, useState } from 'react';
import { CartPole, createRng } from '@/rl';
import { makePolicyRunner } from '@/worker/trainer-client';
import type { PolicySnapshot } from '@/worker/protocol';

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
) {
  const style = getComputedStyle(ctx.canvas);
  const fg = style.color || '#222';
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

export default function CartPoleCanvas({ policy, seed = 0, width = 360, height = 180 }: CartPoleCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [playing, setPlaying] = useState(true);
  const [last, setLast] = useState<number | null>(null);
  const policyRef = useRef(policy);
  policyRef.current = policy;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !playing) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const rng = createRng(seed + 7919);
    const env = new CartPole();
    env.reset(rng);
    let t = 0;
    let raf = 0;
    let acc = 0;
    let prev = performance.now();
    let snapshot: PolicySnapshot | null = null;
    let run: ((o: ArrayLike<number>) => ArrayLike<number>) | null = null;
    const frame = (now: number) => {
      acc += Math.min(100, now - prev);
      prev = now;
      if (policyRef.current !== snapshot) {
        snapshot = policyRef.current;
        run = snapshot ? makePolicyRunner(snapshot) : null;
      }
      while (acc >= 20) {
        acc -= 20;
        const s = env.state;
        const probs = run ? run(s) : [0.5, 0.5];
        const action = rng.uniform() < probs[0] ? 0 : 1;
        const r = env.step(action);
        t += 1;
        if (r.terminated || r.truncated) {
          setLast(t);
          env.reset(rng);
          t = 0;
        }
      }
      drawCartPole(ctx, width, height, env.state[0], env.state[2], t);
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing, seed, width, height]);

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
