/**
 * Hash routing, so the static build works from any subpath and deep links survive reloads:
 *   #/                      home (table of contents)
 *   #/<chapter>             a chapter
 *   #/<chapter>/<heading>   a section of a chapter (scrolls to the heading with that id)
 *   #/widget/<Name>         one widget alone, its props from the query string (?props.key=value)
 *   #/lessons               the lesson editor (lessons kept in this browser)
 *   #/lesson/<code>[/<n>]   a lesson from a link (src/lib/lesson-format.ts), optionally at scene n (1-based)
 *   #/print                 the whole book on one page, for printing
 *   #/answers               the instructor's answer sheet of the checked exercises
 *   #/sweep, #/sweep/cell   the class sweep: the instructor's page, a student's cell (the sweep is in the query)
 * Widget settings live in the query string, which the router never touches.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { kind: 'home' }
  | { kind: 'chapter'; slug: string; section: string | null }
  | { kind: 'widget'; name: string }
  | { kind: 'lessons' }
  | { kind: 'lesson'; code: string; scene: number }
  | { kind: 'print' }
  | { kind: 'answers' }
  | { kind: 'sweep'; cell: boolean };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { kind: 'home' };
  if (parts[0] === 'widget' && parts[1]) return { kind: 'widget', name: parts[1] };
  if (parts[0] === 'lessons' && parts.length === 1) return { kind: 'lessons' };
  if (parts[0] === 'lesson' && parts[1]) {
    const n = Number(parts[2]);
    return { kind: 'lesson', code: parts[1], scene: Number.isInteger(n) && n >= 1 ? n : 1 };
  }
  if (parts[0] === 'print' && parts.length === 1) return { kind: 'print' };
  if (parts[0] === 'answers' && parts.length === 1) return { kind: 'answers' };
  if (parts[0] === 'sweep' && parts.length <= 2) return { kind: 'sweep', cell: parts[1] === 'cell' };
  return { kind: 'chapter', slug: parts[0], section: parts[1] ?? null };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const chapterHref = (slug: string, section?: string) =>
  section ? `#/${slug}/${encodeURIComponent(section)}` : `#/${slug}`;

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
