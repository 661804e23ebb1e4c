/**
 * Chart colours of the current theme, read from the CSS custom properties `--chart-1` … `--chart-7`, `--chart-grid`,
 * `--chart-axis`, `--chart-muted`, `--chart-fill-ok`, `--chart-fill-bad` and `--bg-widget` (src/styles/global.css
 * defines them for the light and the dark theme). Charts resolve them once per theme change, because canvas and
 * exported SVG files need concrete colours, not `var(…)`.
 */
import { useMemo, useSyncExternalStore } from 'react';

/** Used where no stylesheet is loaded (tests, server rendering); the light theme's values. */
const FALLBACK = {
  series: ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207'],
  grid: '#d4d4d8',
  axis: '#3f3f46',
  muted: '#71717a',
  ok: '#15803d',
  bad: '#b91c1c',
  fillOk: 'rgba(21,128,61,0.12)',
  fillBad: 'rgba(185,28,28,0.12)',
  background: '#ffffff',
};
export type ThemeColors = typeof FALLBACK;
export const fallbackColors: ThemeColors = FALLBACK;

function subscribe(cb: () => void) {
  const obs = new MutationObserver(cb);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => obs.disconnect();
}

export function readThemeColors(): ThemeColors {
  if (typeof document === 'undefined') return FALLBACK;
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    series: FALLBACK.series.map((f, i) => v(`--chart-${i + 1}`, f)),
    grid: v('--chart-grid', FALLBACK.grid),
    axis: v('--chart-axis', FALLBACK.axis),
    muted: v('--chart-muted', FALLBACK.muted),
    ok: v('--ok', FALLBACK.ok),
    bad: v('--bad', FALLBACK.bad),
    fillOk: v('--chart-fill-ok', FALLBACK.fillOk),
    fillBad: v('--chart-fill-bad', FALLBACK.fillBad),
    background: v('--bg-widget', FALLBACK.background),
  };
}

export function useThemeColors(): ThemeColors {
  const theme = useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.theme ?? 'light',
    () => 'light',
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the colours change exactly when the theme does
  return useMemo(() => readThemeColors(), [theme]);
}
