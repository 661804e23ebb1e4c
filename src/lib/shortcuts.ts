/**
 * Keyboard shortcuts of training widgets: space play/pause, `r` reset, `.` single step. They go to the training
 * widget the reader used last (or the only one on the page), and never fire while the reader types in a field.
 */
import { useEffect, useId, useRef } from 'react';

export interface TrainingShortcutHandlers {
  onToggle?: () => void;
  onReset?: () => void;
  onStep?: () => void;
}

const order: string[] = [];
let active: string | null = null;
const handlers = new Map<string, { current: TrainingShortcutHandlers }>();

export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button'].includes(t.type);
  return false;
}

function onKey(e: KeyboardEvent) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
  const id = active ?? order[order.length - 1];
  const h = id ? handlers.get(id)?.current : undefined;
  if (!h) return;
  // Space on a focused button or range input keeps its native meaning.
  if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest('button, input')) return;
  if (e.key === ' ' && h.onToggle) {
    e.preventDefault();
    h.onToggle();
  } else if (e.key === 'r' && h.onReset) h.onReset();
  else if (e.key === '.' && h.onStep) h.onStep();
}

/** Registers a training widget's handlers; returns props to spread on its root so using it makes it active. */
export function useTrainingShortcuts(h: TrainingShortcutHandlers) {
  const id = useId();
  const ref = useRef(h);
  ref.current = h;
  useEffect(() => {
    handlers.set(id, ref);
    order.push(id);
    if (order.length === 1) window.addEventListener('keydown', onKey);
    return () => {
      handlers.delete(id);
      order.splice(order.indexOf(id), 1);
      if (active === id) active = null;
      if (order.length === 0) window.removeEventListener('keydown', onKey);
    };
  }, [id]);
  return {
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
  ['space', 'play / pause the training widget you used last'],
  ['r', 'reset that training widget'],
  ['.', 'one update step of that training widget'],
  ['/', 'search'],
  ['?', 'this list'],
];
