/**
 * A canvas showing one environment state as Gymnasium renders it (`geometry.ts`), redrawn whenever `state` changes.
 * Device-pixel-ratio aware; the text alternative (`label`) says what the picture shows in numbers.
 */
import { useEffect, useRef, type PointerEventHandler } from 'react';
import type { EnvId } from '@/rl';
import { drawScene } from './draw';
import { envScene } from './geometry';

export interface EnvCanvasProps {
  env: EnvId;
  state: ArrayLike<number>;
  lastU?: number | null;
  /** CSS pixels; the height follows Gymnasium's aspect ratio. */
  width?: number;
  label: string;
  testId?: string;
  onPointerDown?: PointerEventHandler<HTMLCanvasElement>;
  onPointerMove?: PointerEventHandler<HTMLCanvasElement>;
  onPointerUp?: PointerEventHandler<HTMLCanvasElement>;
}

export function EnvCanvas({
  env,
  state,
  lastU = null,
  width = 360,
  label,
  testId,
  ...pointer
}: EnvCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scene = envScene(env, state, lastU);
  const height = Math.round((width * scene.height) / scene.width);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawScene(ctx, envScene(env, state, lastU), width, height);
  });

  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-env={env}
      data-state={Array.from(state, (v) => v.toPrecision(6)).join(',')}
      style={{
        width,
        height,
        maxWidth: '100%',
        border: '1px solid currentColor',
        borderRadius: 4,
        touchAction: 'none',
      }}
      {...pointer}
    />
  );
}
