/**
 * A line chart for data that change while the reader watches (training curves): drawn on a <canvas> in well under
 * a millisecond, where an SVG chart library re-renders hundreds of elements at every update and blocks the main
 * thread for tens of milliseconds. Same conventions as `LineChart`: theme colours, a legend, the data table as the
 * text alternative, and CSV/JSON/PNG/SVG export (the SVG is drawn from the same geometry as the canvas).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Row } from '@/lib/export';
import { DataTable } from './DataTable';
import { ExportMenu } from './ExportMenu';
import type { Series } from './LineChart';
import { formatNumber } from './Readout';
import { chartGeometry, type Geometry } from './live-chart-geometry';
import { useThemeColors, type ThemeColors } from './theme-colors';

const FONT = '11px system-ui, sans-serif';

const xFormat = (v: number) => (Math.abs(v) >= 1000 ? `${formatNumber(v / 1000, 3)}k` : formatNumber(v, 3));

interface Drawn {
  series: Array<Series & { color: string }>;
  refLines: Array<{ y: number; label?: string }>;
}

function draw(ctx: CanvasRenderingContext2D, g: Geometry, d: Drawn, c: ThemeColors, w: number, h: number) {
  ctx.clearRect(0, 0, w, h);
  ctx.font = FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = c.grid;
  ctx.fillStyle = c.axis;
  ctx.setLineDash([3, 3]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of g.yTicks) {
    ctx.beginPath();
    ctx.moveTo(g.plot.left, t.px);
    ctx.lineTo(g.plot.right, t.px);
    ctx.stroke();
    ctx.fillText(formatNumber(t.value, 3), g.plot.left - 6, t.px);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of g.xTicks) {
    ctx.beginPath();
    ctx.moveTo(t.px, g.plot.top);
    ctx.lineTo(t.px, g.plot.bottom);
    ctx.stroke();
    ctx.fillText(xFormat(t.value), t.px, g.plot.bottom + 5);
  }
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = c.muted;
  ctx.fillStyle = c.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  g.refYs.forEach((r) => {
    ctx.beginPath();
    ctx.moveTo(g.plot.left, r.px);
    ctx.lineTo(g.plot.right, r.px);
    ctx.stroke();
    const label = d.refLines.find((l) => l.y === r.value)?.label;
    if (label) ctx.fillText(label, g.plot.right - 2, r.px - 2);
  });
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  g.lines.forEach((polys, i) => {
    const s = d.series[i];
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.setLineDash(s.dashed ? [6, 4] : []);
    for (const p of polys) {
      if (p.length === 2) {
        ctx.fillRect(p[0] - 1.5, p[1] - 1.5, 3, 3);
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(p[0], p[1]);
      for (let k = 2; k < p.length; k += 2) ctx.lineTo(p[k], p[k + 1]);
      ctx.stroke();
    }
  });
  ctx.setLineDash([]);
}

/** The same picture as a standalone SVG document (for the SVG and PNG exports). */
function toSvg(g: Geometry, d: Drawn, c: ThemeColors, w: number, h: number, title: string): SVGSVGElement {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [`<rect width="${w}" height="${h}" fill="${c.background}"/>`];
  for (const t of g.yTicks) {
    parts.push(
      `<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${t.px}" y2="${t.px}" stroke="${c.grid}" stroke-dasharray="3 3"/>`,
      `<text x="${g.plot.left - 6}" y="${t.px + 4}" text-anchor="end" font-size="11" fill="${c.axis}">${esc(formatNumber(t.value, 3))}</text>`,
    );
  }
  for (const t of g.xTicks) {
    parts.push(
      `<line x1="${t.px}" x2="${t.px}" y1="${g.plot.top}" y2="${g.plot.bottom}" stroke="${c.grid}" stroke-dasharray="3 3"/>`,
      `<text x="${t.px}" y="${g.plot.bottom + 15}" text-anchor="middle" font-size="11" fill="${c.axis}">${esc(xFormat(t.value))}</text>`,
    );
  }
  for (const r of g.refYs) {
    parts.push(
      `<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${r.px}" y2="${r.px}" stroke="${c.muted}" stroke-dasharray="4 4"/>`,
    );
  }
  g.lines.forEach((polys, i) => {
    const s = d.series[i];
    for (const p of polys) {
      const pts = [];
      for (let k = 0; k < p.length; k += 2) pts.push(`${p[k].toFixed(1)},${p[k + 1].toFixed(1)}`);
      parts.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
    }
  });
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
  return new DOMParser().parseFromString(text, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
}

export function LiveLineChart({
  data,
  xKey,
  series,
  seriesData,
  caption,
  height = 220,
  filename = 'chart',
  yDomain,
  refLines = [],
  xLabel = 'environment steps',
}: {
  data: Row[];
  xKey: string;
  series: Series[];
  /** Per series, its own rows (curves sampled at different x); the table and exports then list them one after another. */
  seriesData?: Row[][];
  caption: string;
  height?: number;
  filename?: string;
  yDomain?: [number, number];
  refLines?: Array<{ y: number; label?: string }>;
  xLabel?: string;
}) {
  const colors = useThemeColors();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drawn = useMemo<Drawn>(
    () => ({
      series: series.map((s, i) => ({ ...s, color: s.color ?? colors.series[i % colors.series.length] })),
      refLines,
    }),
    [series, colors, refLines],
  );
  const keys = useMemo(() => series.map((s) => s.key), [series]);
  const geometry = useMemo(
    () =>
      width > 0
        ? chartGeometry({
            data,
            xKey,
            keys,
            seriesData,
            width,
            height,
            yDomain,
            refYs: drawn.refLines.map((r) => r.y),
          })
        : null,
    [data, xKey, keys, seriesData, width, height, yDomain, drawn],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const cv = canvas.current;
    if (!cv || !geometry) return;
    const raf = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      if (cv.width !== Math.round(width * dpr) || cv.height !== Math.round(height * dpr)) {
        cv.width = Math.round(width * dpr);
        cv.height = Math.round(height * dpr);
      }
      const ctx = cv.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      draw(ctx, geometry, drawn, colors, width, height);
    });
    return () => cancelAnimationFrame(raf);
  }, [geometry, drawn, colors, width, height]);

  // Only the plotted columns go to the table and the exports.
  const rows = useMemo(
    () =>
      seriesData
        ? seriesData.flatMap((d, i) =>
            d.map((r) => ({ series: series[i]?.label ?? '', [xKey]: r[xKey], value: r[keys[i]] })),
          )
        : data.map((r) => Object.fromEntries([xKey, ...keys].map((k) => [k, r[k]])) as Row),
    [data, seriesData, series, xKey, keys],
  );
  const last = rows[rows.length - 1];
  const summary = last
    ? `${caption}. Latest at ${xLabel} ${String(last[xKey])}: ${drawn.series
        .map(
          (s) =>
            `${s.label} ${typeof last[s.key] === 'number' ? formatNumber(last[s.key] as number, 4) : 'none'}`,
        )
        .join(', ')}.`
    : `${caption}. No data yet.`;

  return (
    <figure className="chart live-chart" aria-label={caption}>
      <ul className="live-chart-legend" aria-hidden="true">
        {drawn.series.map((s) => (
          <li key={s.key}>
            <span
              className="live-chart-swatch"
              style={{ borderTopColor: s.color, borderTopStyle: s.dashed ? 'dashed' : 'solid' }}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={box} className="chart-box" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={summary} style={{ width: '100%', height }} />
      </div>
      <figcaption className="chart-caption">{caption}</figcaption>
      <div className="chart-tools">
        <DataTable rows={rows} caption={caption} />
        <ExportMenu
          filename={filename}
          rows={rows}
          svg={() => (geometry ? toSvg(geometry, drawn, colors, width, height, caption) : null)}
        />
      </div>
    </figure>
  );
}
