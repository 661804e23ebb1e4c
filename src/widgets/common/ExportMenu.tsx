/** Export buttons: the data as CSV/JSON, and (when given a way to draw the chart as SVG) the chart as PNG/SVG. */
import { downloadCSV, downloadJSON, downloadPNG, downloadSVG, type Row } from '@/lib/export';

export function ExportMenu({
  filename,
  rows,
  svg: makeSvg,
}: {
  filename: string;
  rows: Row[] | (() => Row[]);
  /** Draws the chart as a standalone <svg> (`Chart` passes its scene's SVG document). */
  svg?: () => SVGSVGElement | null;
}) {
  const get = () => (typeof rows === 'function' ? rows() : rows);
  // A standalone <svg> is measured and styled by the export, so it is placed off-screen in the page meanwhile.
  const withSvg = async (run: (s: SVGSVGElement) => void | Promise<void>) => {
    const s = makeSvg?.();
    if (!s) return;
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:-10000px;top:0';
    holder.appendChild(s);
    document.body.appendChild(holder);
    try {
      await run(s);
    } finally {
      holder.remove();
    }
  };
  return (
    <div className="export-menu" role="group" aria-label="Export">
      <span className="export-label">Export</span>
      <button type="button" className="btn btn-small" onClick={() => downloadCSV(filename, get())}>
        CSV
      </button>
      <button type="button" className="btn btn-small" onClick={() => downloadJSON(filename, get())}>
        JSON
      </button>
      {makeSvg && (
        <>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void withSvg((s) => downloadPNG(filename, s))}
          >
            PNG
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void withSvg((s) => downloadSVG(filename, s))}
          >
            SVG
          </button>
        </>
      )}
    </div>
  );
}
