/** Paints a `Scene` (Gymnasium's y-up pixels) onto a canvas, fitted to its width, 'ink' in the page's text colour. */
import type { Paint, Scene } from './geometry';

export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, cssWidth: number, cssHeight: number) {
  const ink = getComputedStyle(ctx.canvas).color || '#222';
  const colour = (p: Paint) => (p === 'ink' ? ink : p);
  const s = Math.min(cssWidth / scene.width, cssHeight / scene.height);
  const ox = (cssWidth - scene.width * s) / 2;
  const oy = (cssHeight - scene.height * s) / 2;
  const X = (x: number) => ox + x * s;
  const Y = (y: number) => oy + (scene.height - y) * s; // Gymnasium flips its surface: y up
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const sh of scene.shapes) {
    ctx.beginPath();
    if (sh.kind === 'circle') {
      ctx.arc(X(sh.x), Y(sh.y), Math.max(1, sh.r * s), 0, 2 * Math.PI);
      ctx.fillStyle = colour(sh.fill);
      ctx.fill();
      continue;
    }
    sh.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(X(x), Y(y)) : ctx.lineTo(X(x), Y(y))));
    if (sh.kind === 'poly') {
      ctx.closePath();
      ctx.fillStyle = colour(sh.fill);
      ctx.fill();
    } else {
      ctx.strokeStyle = colour(sh.stroke);
      ctx.lineWidth = Math.max(1, sh.width * s);
      ctx.stroke();
    }
  }
}
