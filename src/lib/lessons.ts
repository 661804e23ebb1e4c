/**
 * The lessons an instructor is editing, kept in this browser (localStorage, key `proximal.lessons`, versioned) so
 * they survive reloads and upgrades. Stored lessons are re-checked when read; one that no longer passes is moved
 * aside (key `proximal.lessons.damaged`) with a notice, never dropped; data written by a newer version of the book
 * is left untouched (nothing is written over it) and the editor says so.
 */
import { create } from 'zustand';
import { checkLesson, type Lesson, type Scene } from './lesson-format';

export const STORAGE_KEY = 'proximal.lessons';
const DAMAGED_KEY = 'proximal.lessons.damaged';
const STORE_VERSION = 1;

export interface StoredLesson extends Lesson {
  id: string;
  updated: number;
}

interface Stored {
  version: number;
  current: string | null;
  lessons: StoredLesson[];
}

export interface LessonsState {
  lessons: StoredLesson[];
  currentId: string | null;
  /** Why the lessons cannot be saved in this browser, or what had to be set aside when they were read. */
  problem: string | null;
  /** True when the stored data are from a newer version: nothing is written until the page is reloaded. */
  readOnly: boolean;
  newLesson: (title?: string) => string;
  select: (id: string) => void;
  rename: (title: string) => void;
  deleteLesson: (id: string) => void;
  /** Adds a scene to the current lesson (a new one when there is none); returns its number (1-based). */
  addScene: (scene: Scene) => number;
  setCaption: (index: number, caption: string) => void;
  moveScene: (index: number, by: -1 | 1) => void;
  removeScene: (index: number) => void;
  /** Adds a whole lesson (imported from a file or a link) and makes it current. */
  importLesson: (lesson: Lesson) => string;
}

const newId = () => `l${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

function load(): Pick<LessonsState, 'lessons' | 'currentId' | 'problem' | 'readOnly'> {
  const empty = { lessons: [], currentId: null, problem: null, readOnly: false };
  let text: string | null;
  try {
    text = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  } catch {
    return { ...empty, problem: 'This browser does not let the page keep lessons (storage is blocked).' };
  }
  if (!text) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    setAside(text);
    return { ...empty, problem: 'The saved lessons could not be read; they were set aside, not deleted.' };
  }
  const r = raw as Partial<Stored>;
  if (typeof r.version === 'number' && r.version > STORE_VERSION)
    return {
      ...empty,
      readOnly: true,
      problem:
        'Your lessons were saved by a newer version of the book. Reload the page to update; nothing was changed.',
    };
  const lessons: StoredLesson[] = [];
  const damaged: unknown[] = [];
  for (const l of Array.isArray(r.lessons) ? r.lessons : []) {
    const c = checkLesson(l);
    const meta = l as Partial<StoredLesson>;
    if (c.ok && typeof meta.id === 'string')
      lessons.push({ ...c.value, id: meta.id, updated: Number(meta.updated) || 0 });
    else damaged.push(l);
  }
  if (damaged.length) setAside(JSON.stringify(damaged));
  const currentId = lessons.some((l) => l.id === r.current)
    ? (r.current as string)
    : (lessons[0]?.id ?? null);
  return {
    lessons,
    currentId,
    readOnly: false,
    problem: damaged.length
      ? `${damaged.length} saved lesson(s) could not be read; they were set aside (${DAMAGED_KEY}), not deleted.`
      : null,
  };
}

function setAside(text: string) {
  try {
    const before = localStorage.getItem(DAMAGED_KEY);
    localStorage.setItem(DAMAGED_KEY, before ? `${before}\n${text}` : text);
  } catch {
    /* nothing more can be done; the message says so */
  }
}

export const useLessons = create<LessonsState>((set, get) => {
  const touch = (id: string, f: (l: StoredLesson) => StoredLesson) =>
    set((s) => ({ lessons: s.lessons.map((l) => (l.id === id ? { ...f(l), updated: Date.now() } : l)) }));
  const current = () => get().lessons.find((l) => l.id === get().currentId) ?? null;
  const editScenes = (f: (scenes: Scene[]) => Scene[]) => {
    const c = current();
    if (c) touch(c.id, (l) => ({ ...l, scenes: f(l.scenes) }));
  };
  return {
    ...load(),
    newLesson: (title = 'Untitled lesson') => {
      const id = newId();
      set((s) => ({
        lessons: [...s.lessons, { id, title, scenes: [], updated: Date.now() }],
        currentId: id,
      }));
      return id;
    },
    select: (id) => set({ currentId: id }),
    rename: (title) => {
      const c = current();
      if (c) touch(c.id, (l) => ({ ...l, title }));
    },
    deleteLesson: (id) =>
      set((s) => {
        const lessons = s.lessons.filter((l) => l.id !== id);
        return { lessons, currentId: s.currentId === id ? (lessons[0]?.id ?? null) : s.currentId };
      }),
    addScene: (scene) => {
      if (!current()) get().newLesson();
      editScenes((scenes) => [...scenes, scene]);
      return current()!.scenes.length;
    },
    setCaption: (i, caption) => editScenes((sc) => sc.map((s, j) => (j === i ? { ...s, caption } : s))),
    moveScene: (i, by) =>
      editScenes((sc) => {
        const j = i + by;
        if (j < 0 || j >= sc.length) return sc;
        const out = [...sc];
        [out[i], out[j]] = [out[j], out[i]];
        return out;
      }),
    removeScene: (i) => editScenes((sc) => sc.filter((_, j) => j !== i)),
    importLesson: (lesson) => {
      const id = newId();
      set((s) => ({
        lessons: [...s.lessons, { ...lesson, id, updated: Date.now() }],
        currentId: id,
      }));
      return id;
    },
  };
});

// Every change is written at once (a few kilobytes), unless the stored data belong to a newer version.
useLessons.subscribe((s, prev) => {
  if (s.readOnly || (s.lessons === prev.lessons && s.currentId === prev.currentId)) return;
  try {
    const data: Stored = { version: STORE_VERSION, current: s.currentId, lessons: s.lessons };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
    if (s.problem?.startsWith('Could not save')) useLessons.setState({ problem: null });
  } catch (e) {
    useLessons.setState({
      problem: `Could not save the lessons in this browser (${e instanceof Error ? e.message : String(e)}). Export them as a file.`,
    });
  }
});
