/**
 * Lessons: a sequence of widget states (scenes) an instructor steps through in presenter mode. This file is the
 * format, pure and total: validation with messages that say where and what is wrong, the JSON file (versioned:
 * `{ format: 'proximal-lesson', version: 1, title, scenes }`) and the link (`#/lesson/1.<code>`, the same JSON
 * deflated and base64url-encoded; the deflate checksum makes a link cut short when copied fail loudly instead of
 * showing half a lesson). A scene is a widget (its folder name), the props the chapter gave it, its URL state
 * (the query keys of its own ids, e.g. `clip.eps=0.3`), a caption, and the chapter (and section) it came from.
 */
import { allowedPropKey } from './widget-props';

export const LESSON_FORMAT = 'proximal-lesson';
export const LESSON_VERSION = 1;
export const MAX_SCENES = 100;
export const MAX_CAPTION = 500;
export const MAX_TITLE = 120;
export const MAX_QUERY = 2000;

export type PropValue = string | number | boolean;

export interface Scene {
  widget: string;
  props: Record<string, PropValue>;
  /** The widget's URL state, a query string without `?` (only the widget's own keys). */
  query: string;
  caption: string;
  /** The chapter slug the scene was saved from ('' for a widget page). */
  chapter: string;
  section?: string;
}

export interface Lesson {
  title: string;
  scenes: Scene[];
}

export interface LessonFile extends Lesson {
  format: typeof LESSON_FORMAT;
  version: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const SLUG = /^[a-z0-9-]{0,80}$/;
const SECTION = /^[A-Za-z0-9_-]{1,120}$/;
const WIDGET = /^[A-Za-z][A-Za-z0-9]{0,59}$/;
const QUERY_KEY = /^[A-Za-z0-9_-]{1,60}(\.[A-Za-z0-9_-]{1,60})+$/;

function checkScene(raw: unknown, n: number, widgets?: readonly string[]): Checked<Scene> {
  const at = `Scene ${n}`;
  if (!isObject(raw)) return { ok: false, error: `${at} is not an object.` };
  const { widget, props = {}, query = '', caption = '', chapter = '', section } = raw;
  if (typeof widget !== 'string' || !WIDGET.test(widget))
    return { ok: false, error: `${at}: “widget” must be a widget's name.` };
  if (widgets && !widgets.includes(widget))
    return { ok: false, error: `${at}: there is no widget called “${widget}” in this book.` };
  if (!isObject(props)) return { ok: false, error: `${at}: “props” must be an object.` };
  const cleanProps: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(props)) {
    if (!allowedPropKey(k))
      return { ok: false, error: `${at}: “${k.slice(0, 40)}” is not a prop a widget takes.` };
    const fine =
      (typeof v === 'string' && v.length <= 100) ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6);
    if (!fine)
      return {
        ok: false,
        error: `${at}: prop “${k}” must be a short string, a finite number or true/false.`,
      };
    cleanProps[k] = v as PropValue;
  }
  if (typeof query !== 'string') return { ok: false, error: `${at}: “query” must be a string.` };
  const q = query.replace(/^\?/, '');
  if (q.length > MAX_QUERY)
    return { ok: false, error: `${at}: its settings are longer than ${MAX_QUERY} characters.` };
  for (const key of new URLSearchParams(q).keys())
    if (!QUERY_KEY.test(key))
      return {
        ok: false,
        error: `${at}: “${key.slice(0, 40)}” is not a widget setting (they look like id.name).`,
      };
  if (typeof caption !== 'string') return { ok: false, error: `${at}: “caption” must be text.` };
  if (caption.length > MAX_CAPTION)
    return { ok: false, error: `${at}: the caption is longer than ${MAX_CAPTION} characters.` };
  if (typeof chapter !== 'string' || !SLUG.test(chapter))
    return { ok: false, error: `${at}: “chapter” must be a chapter's slug.` };
  if (section !== undefined && (typeof section !== 'string' || !SECTION.test(section)))
    return { ok: false, error: `${at}: “section” must be a section id.` };
  const scene: Scene = { widget, props: cleanProps, query: q, caption, chapter };
  if (section !== undefined) scene.section = section as string;
  return { ok: true, value: scene };
}

/**
 * Checks a lesson read from a file or a link. `widgets`, when given, are the widgets this build has (a scene of an
 * unknown widget is an error, not a blank slide). The first problem found is the message.
 */
export function checkLesson(raw: unknown, widgets?: readonly string[]): Checked<Lesson> {
  if (!isObject(raw)) return { ok: false, error: 'This is not a lesson (expected a JSON object).' };
  if ('format' in raw && raw.format !== LESSON_FORMAT)
    return {
      ok: false,
      error: `This is not a lesson file (its format is “${String(raw.format).slice(0, 40)}”).`,
    };
  if ('version' in raw) {
    const v = raw.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      return { ok: false, error: "The lesson's “version” must be a whole number." };
    if (v > LESSON_VERSION)
      return {
        ok: false,
        error: `This lesson was saved by a newer version of the book (format ${v}; this one reads up to ${LESSON_VERSION}). Reload the page to update.`,
      };
  }
  const title = raw.title ?? '';
  if (typeof title !== 'string') return { ok: false, error: "The lesson's “title” must be text." };
  if (title.length > MAX_TITLE)
    return { ok: false, error: `The lesson's title is longer than ${MAX_TITLE} characters.` };
  if (!Array.isArray(raw.scenes)) return { ok: false, error: 'The lesson has no “scenes” list.' };
  if (raw.scenes.length > MAX_SCENES)
    return {
      ok: false,
      error: `The lesson has ${raw.scenes.length} scenes; at most ${MAX_SCENES} are allowed.`,
    };
  const scenes: Scene[] = [];
  for (const [i, s] of raw.scenes.entries()) {
    const c = checkScene(s, i + 1, widgets);
    if (!c.ok) return c;
    scenes.push(c.value);
  }
  return { ok: true, value: { title, scenes } };
}

/** The lesson as the JSON file's object. */
export const lessonFile = (l: Lesson): LessonFile => ({
  format: LESSON_FORMAT,
  version: LESSON_VERSION,
  title: l.title,
  scenes: l.scenes,
});

/** Reads a lesson file's text. */
export function parseLessonFile(text: string, widgets?: readonly string[]): Checked<Lesson> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (isObject(raw) && raw.format === undefined)
    return { ok: false, error: 'This JSON file is not a lesson (it has no “format”: "proximal-lesson").' };
  return checkLesson(raw, widgets);
}

// ---- links ---------------------------------------------------------------------------------------------------

const LINK_PREFIX = `${LESSON_VERSION}.`;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, t: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(t);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The code of a lesson link (what follows `#/lesson/`). */
export async function encodeLessonLink(l: Lesson): Promise<string> {
  const json = JSON.stringify({ title: l.title, scenes: l.scenes });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate'));
  return LINK_PREFIX + toBase64Url(packed);
}

/** Reads a lesson link's code; every failure is a sentence for the reader. */
export async function decodeLessonLink(code: string, widgets?: readonly string[]): Promise<Checked<Lesson>> {
  const dot = code.indexOf('.');
  const version = dot > 0 ? Number(code.slice(0, dot)) : NaN;
  if (!Number.isInteger(version))
    return { ok: false, error: 'This is not a lesson link (it should start with #/lesson/1.).' };
  if (version > LESSON_VERSION)
    return {
      ok: false,
      error: `This lesson link was made by a newer version of the book (format ${version}). Reload the page to update.`,
    };
  if (version !== LESSON_VERSION)
    return { ok: false, error: `Lesson links of format ${version} are not known.` };
  const bytes = fromBase64Url(code.slice(dot + 1));
  if (!bytes || bytes.length === 0)
    return { ok: false, error: 'This lesson link is damaged (it has characters a lesson link never has).' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate')),
    );
  } catch {
    return {
      ok: false,
      error: 'This lesson link is damaged or incomplete (was it cut short when it was copied?).',
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This lesson link is damaged (its content is not a lesson).' };
  }
  const c = checkLesson(raw, widgets);
  if (c.ok && c.value.scenes.length === 0) return { ok: false, error: 'This lesson link has no scenes.' };
  return c;
}
