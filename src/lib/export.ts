/**
 * Downloads for widgets: data as CSV or JSON, a chart (an <svg>) as SVG or PNG.
 * The SVG is serialised with its computed colours inlined so the file looks like the screen in either theme.
 */

export type Row = Record<string, string | number | boolean | null | undefined>;

/** Saves `blob` as a file named `filename` (the one download of the site: data, charts, agents, datasets). */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** RFC 4180 CSV: the union of the rows' keys as the header; quotes where needed. */
export function toCSV(rows: Row[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string]) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

export function downloadCSV(filename: string, rows: Row[]) {
  downloadBlob(
    filename.endsWith('.csv') ? filename : `${filename}.csv`,
    new Blob([toCSV(rows)], { type: 'text/csv' }),
  );
}

/** JSON.stringify replacer for numbers JSON cannot hold: Infinity, -Infinity and NaN are written as strings. */
export const jsonSafe = (_key: string, v: unknown) =>
  typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;

export function downloadJSON(filename: string, data: unknown) {
  const name = filename.endsWith('.json') ? filename : `${filename}.json`;
  downloadBlob(name, new Blob([JSON.stringify(data, jsonSafe, 2)], { type: 'application/json' }));
}

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
];

/** A standalone copy of an <svg> with computed styles inlined and explicit size and background. */
export function serialiseSVG(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = svg.querySelectorAll('*');
  const dst = clone.querySelectorAll('*');
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = dst[i] as SVGElement;
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) target.style.setProperty(p, v);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  const bg = getComputedStyle(document.body).backgroundColor || '#fff';
  clone.style.background = bg;
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSVG(filename: string, svg: SVGSVGElement) {
  const name = filename.endsWith('.svg') ? filename : `${filename}.svg`;
  downloadBlob(name, new Blob([serialiseSVG(svg)], { type: 'image/svg+xml' }));
}

/** Rasterises the chart at twice its on-screen size. */
export async function downloadPNG(filename: string, svg: SVGSVGElement, scale = 2) {
  const text = serialiseSVG(svg);
  const { width, height } = svg.getBoundingClientRect();
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be rasterised.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) downloadBlob(filename.endsWith('.png') ? filename : `${filename}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
