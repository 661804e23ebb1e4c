/**
 * Keyboard shortcuts of training widgets: space play/pause, `r` reset, `.` single step.
 *
 * They act only on a widget the reader can see act: the one that holds the focus, else the one used last if it is
 * on screen, else the only training widget on screen. With none of those, the key keeps its ordinary meaning (space
 * scrolls the page). They never fire while focus is on a form control (a slider, a field, a select: its own keys
 * come first) or while a dialog is open. Reset asks for confirmation: a first `r` says what a second `r` within
 * a few seconds would do, and only the second one resets.
 */
import { useEffect, useId, useRef } from 'react';
import { addNotice } from './notices';

export interface TrainingShortcutHandlers {
  onToggle?: () => void;
  onReset?: () => void;
  onStep?: () => void;
}

interface Entry {
  handlers: { current: TrainingShortcutHandlers };
  el: HTMLElement | null;
}

const entries = new Map<string, Entry>();
let active: string | null = null;
let resetArmed: { id: string; until: number } | null = null;

/** How long a first `r` waits for the second one (ms). */
export const RESET_CONFIRM_MS = 4000;

/** A field the reader types into: no single-key shortcut may fire there (`/`, `?`, `p` included). */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button'].includes(t.type);
  return false;
}

/** A form control of any kind, sliders included: letter shortcuts stay off while one has the focus. */
export function isFormControl(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    (isTypingTarget(t) || t instanceof HTMLInputElement || t.closest('[role="slider"]') !== null)
  );
}

/** True when a modal dialog (the shortcut list, say) is open: page shortcuts wait until it closes. */
export function dialogOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open]') !== null;
}

function inView(el: HTMLElement | null): boolean {
  if (!el || !el.isConnected) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0;
}

/** The widget a shortcut goes to, or null (then the key keeps its ordinary meaning). */
export function shortcutTarget(focused: Element | null): string | null {
  for (const [id, e] of entries) if (e.el && focused && e.el.contains(focused)) return id;
  if (active && inView(entries.get(active)?.el ?? null)) return active;
  const visible = [...entries].filter(([, e]) => inView(e.el)).map(([id]) => id);
  return visible.length === 1 ? visible[0] : null;
}

function onKey(e: KeyboardEvent) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialogOpen()) return;
  if (isFormControl(e.target)) return;
  // Space on a focused button or link keeps its native meaning.
  if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest('button, a, summary')) return;
  if (e.key !== ' ' && e.key !== 'r' && e.key !== '.') return;
  const id = shortcutTarget(document.activeElement);
  const h = id ? entries.get(id)?.handlers.current : undefined;
  if (!id || !h) return;
  if (e.key === ' ' && h.onToggle) {
    e.preventDefault();
    h.onToggle();
  } else if (e.key === 'r' && h.onReset) {
    const now = performance.now();
    if (resetArmed && resetArmed.id === id && now < resetArmed.until) {
      resetArmed = null;
      h.onReset();
    } else {
      resetArmed = { id, until: now + RESET_CONFIRM_MS };
      addNotice(
        'Press r again within 4 seconds to reset this training run (its curves are cleared).',
        'info',
      );
    }
  } else if (e.key === '.' && h.onStep) h.onStep();
}

/**
 * Registers a training widget's handlers; returns props to spread on its root element (a ref, so the shortcuts
 * know where it is, and handlers that make it the widget used last).
 */
export function useTrainingShortcuts(h: TrainingShortcutHandlers) {
  const id = useId();
  const handlers = useRef(h);
  handlers.current = h;
  useEffect(() => {
    const entry = entries.get(id) ?? { handlers, el: null };
    entry.handlers = handlers;
    entries.set(id, entry);
    if (entries.size === 1) window.addEventListener('keydown', onKey);
    return () => {
      entries.delete(id);
      if (active === id) active = null;
      if (entries.size === 0) window.removeEventListener('keydown', onKey);
    };
  }, [id]);
  return {
    ref: (el: HTMLElement | null) => {
      const entry = entries.get(id);
      if (entry) entry.el = el;
      else if (el) entries.set(id, { handlers, el });
    },
    onPointerDown: () => {
      active = id;
    },
    onFocusCapture: () => {
      active = id;
    },
  };
}

export const SHORTCUTS: Array<[string, string]> = [
  ['p', 'presenter mode on/off'],
  ['space', 'play / pause the training widget you are using (focused, or the one on screen)'],
  ['r r', 'reset that training widget (press r twice)'],
  ['.', 'one update step of that training widget'],
  ['← →', 'previous / next scene of a lesson (presenter mode)'],
  ['v', 'reveal the real curve over your prediction (presenter mode)'],
  ['/', 'search'],
  ['Ctrl F, ⌘F', "find in page (every widget's text included)"],
  ['Ctrl P, ⌘P', 'print this chapter, every widget drawn (the whole book: "The whole book, for print")'],
  ['?', 'this list'],
  ['Esc', 'leave presenter mode, close a dialog'],
];
