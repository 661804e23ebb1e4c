/** Chart colours for the current theme (charts draw SVG attributes, which cannot use CSS variables reliably). */
import { useSyncExternalStore } from 'react';

const LIGHT = {
  series: ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207'],
  grid: '#d4d4d8',
  axis: '#3f3f46',
  muted: '#71717a',
  fillOk: 'rgba(21,128,61,0.12)',
  fillBad: 'rgba(185,28,28,0.12)',
  background: '#ffffff',
};
const DARK = {
  series: ['#7cb4f0', '#fb923c', '#4ade80', '#c084fc', '#f87171', '#2dd4bf', '#facc15'],
  grid: '#3f3f46',
  axis: '#d4d4d8',
  muted: '#a1a1aa',
  fillOk: 'rgba(74,222,128,0.14)',
  fillBad: 'rgba(248,113,113,0.16)',
  background: '#18181b',
};
export type ThemeColors = typeof LIGHT;

function subscribe(cb: () => void) {
  const obs = new MutationObserver(cb);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => obs.disconnect();
}

export function useThemeColors(): ThemeColors {
  const theme = useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.theme ?? 'light',
    () => 'light',
  );
  return theme === 'dark' ? DARK : LIGHT;
}
