/**
 * Measured widget heights, kept in localStorage so a widget's placeholder on the next visit is as tall as the
 * widget was (the page does not jump while code loads). Keyed by widget name and props; storage failures (private
 * modes, quota) only mean the declared height is used.
 */
const KEY = 'proximal.widget-heights.v1';
const MAX_ENTRIES = 200;

function read(): Record<string, number> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function rememberedHeight(key: string): number | undefined {
  const h = read()[key];
  return typeof h === 'number' && Number.isFinite(h) && h > 40 && h < 20_000 ? h : undefined;
}

/** Watches the mounted frame and stores its height once it settles; returns the cleanup. */
export function rememberHeight(el: HTMLElement, key: string): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ro = new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const h = Math.round(el.getBoundingClientRect().height);
      if (h <= 40) return;
      const all = read();
      if (all[key] === h) return;
      delete all[key];
      all[key] = h;
      const keys = Object.keys(all);
      for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[k];
      try {
        localStorage.setItem(KEY, JSON.stringify(all));
      } catch {
        /* storage unavailable: the declared height stays the placeholder */
      }
    }, 500);
  });
  ro.observe(el);
  return () => {
    clearTimeout(timer);
    ro.disconnect();
  };
}
