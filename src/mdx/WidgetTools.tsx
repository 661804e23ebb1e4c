/**
 * The widget frame's teaching tools (a menu in its toolbar, keyboard-operable):
 * - "Add to lesson…" saves the widget's current URL state, its props and a caption as a scene of a lesson
 *   (src/lib/lessons.ts; the lessons are edited at #/lessons);
 * - "Assignment link…" builds a link that hides or locks chosen controls and readouts of this widget
 *   (src/lib/assignment.ts), from the ids the widget registered with its frame (src/lib/widget-frame.ts).
 * `AssignmentCheck` reports, once the widget has rendered, what a link asks of it that it does not have.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { checkAssignment, writeAssignment, type Assignment } from '@/lib/assignment';
import type { PropValue, Scene } from '@/lib/lesson-format';
import { MAX_CAPTION } from '@/lib/lesson-format';
import { useLessons } from '@/lib/lessons';
import { addNotice } from '@/lib/notices';
import type { FrameRegistry } from '@/lib/widget-frame';

/** Reports the link's hide/lock requests that this widget cannot honour (after its first render). */
export function AssignmentCheck({ frame, name }: { frame: FrameRegistry; name: string }) {
  useEffect(() => {
    const ids = { controls: frame.controls().map((c) => c.id), readouts: [...frame.readouts.keys()] };
    const notices = [...frame.syntaxNotices];
    for (const id of frame.params.keys()) notices.push(...checkAssignment(id, frame.assignmentOf(id), ids));
    for (const n of notices) addNotice(`Assignment link of ${name}: ${n}.`);
  }, [frame, name]);
  return null;
}

/** The widget's own keys of the current query string (its URL state), without `?`. */
export function widgetQuery(frame: FrameRegistry, search = window.location.search): string {
  const ids = [...frame.params.keys()];
  const out = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(search))
    if (ids.some((id) => k.startsWith(`${id}.`))) out.append(k, v);
  return out.toString();
}

/** The id of the last section heading before `el` (for the scene's "from chapter …, section …"). */
function sectionOf(el: HTMLElement | null): string | undefined {
  if (!el) return undefined;
  let found: string | undefined;
  for (const h of document.querySelectorAll<HTMLElement>('article h2[id], article h3[id]'))
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h.id;
  return found;
}

function Modal({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="teach-dialog"
      onClose={onClose}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}

function AddToLessonDialog({
  name,
  props,
  chapter,
  frame,
  frameEl,
  onClose,
}: {
  name: string;
  props: Record<string, unknown>;
  chapter: string;
  frame: FrameRegistry;
  frameEl: HTMLElement | null;
  onClose: () => void;
}) {
  const lessons = useLessons((s) => s.lessons);
  const currentId = useLessons((s) => s.currentId);
  const [caption, setCaption] = useState('');
  const [target, setTarget] = useState(currentId ?? 'new');
  const capId = useId();
  const save = () => {
    const st = useLessons.getState();
    if (target === 'new') st.newLesson();
    else st.select(target);
    const plain: Record<string, PropValue> = {};
    for (const [k, v] of Object.entries(props))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') plain[k] = v;
    const scene: Scene = {
      widget: name,
      props: plain,
      query: widgetQuery(frame),
      caption: caption.trim(),
      chapter,
    };
    const section = sectionOf(frameEl);
    if (section) scene.section = section;
    const n = useLessons.getState().addScene(scene);
    const title = useLessons.getState().lessons.find((l) => l.id === useLessons.getState().currentId)?.title;
    addNotice(
      `Scene ${n} added to the lesson “${title}”. Edit and present it from Lessons (#/lessons).`,
      'info',
    );
    onClose();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <p>The widget is saved exactly as it is now: its settings, seed and props.</p>
      <label htmlFor={capId}>Caption (what the class should look at)</label>
      <textarea
        id={capId}
        value={caption}
        maxLength={MAX_CAPTION}
        rows={3}
        onChange={(e) => setCaption(e.currentTarget.value)}
        data-testid="scene-caption"
      />
      <label>
        Lesson{' '}
        <select value={target} onChange={(e) => setTarget(e.currentTarget.value)} data-testid="scene-lesson">
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title} ({l.scenes.length} scenes)
            </option>
          ))}
          <option value="new">A new lesson</option>
        </select>
      </label>
      <div className="dialog-buttons">
        <button type="submit" className="btn btn-primary" data-testid="scene-save">
          Add scene
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AssignDialog({ frame, onClose }: { frame: FrameRegistry; onClose: () => void }) {
  const controls = frame.controls();
  const readouts = [...frame.readouts.entries()].map(([id, label]) => ({ id, label }));
  const ids = [...frame.params.keys()];
  const [hide, setHide] = useState<string[]>(() => frame.assignment().hide);
  const [lock, setLock] = useState<string[]>(() => frame.assignment().lock);
  const [copied, setCopied] = useState(false);
  const toggle = (list: string[], set: (l: string[]) => void, id: string, on: boolean) =>
    set(on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));

  if (ids.length === 0)
    return (
      <>
        <p>This widget keeps no settings in the URL, so a link cannot hide or lock any of them.</p>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </>
    );

  // Each control's hide/lock goes under the URL id whose table has it; readouts under the first id.
  const owner = (id: string) => ids.find((u) => id in (frame.params.get(u) ?? {})) ?? ids[0];
  let search = window.location.search;
  for (const u of ids) {
    const a: Assignment = {
      hide: hide.filter((x) => owner(x) === u),
      lock: lock.filter((x) => owner(x) === u && !hide.includes(x)),
    };
    search = writeAssignment(u, a, search);
  }
  const link = `${window.location.origin}${window.location.pathname}${search}${window.location.hash}`;
  const row = (id: string, label: string, lockable: boolean) => (
    <tr key={id}>
      <th scope="row">
        {label} <code>{id}</code>
      </th>
      <td>
        <input
          type="checkbox"
          aria-label={`Hide ${label}`}
          checked={hide.includes(id)}
          onChange={(e) => toggle(hide, setHide, id, e.currentTarget.checked)}
          data-testid={`assign-hide-${id}`}
        />
      </td>
      <td>
        {lockable && (
          <input
            type="checkbox"
            aria-label={`Lock ${label}`}
            checked={lock.includes(id) && !hide.includes(id)}
            disabled={hide.includes(id)}
            onChange={(e) => toggle(lock, setLock, id, e.currentTarget.checked)}
            data-testid={`assign-lock-${id}`}
          />
        )}
      </td>
    </tr>
  );
  return (
    <>
      <p>
        Students who open the link see this widget in its current state, without the hidden controls and
        readouts, and cannot change the locked ones.
      </p>
      <div className="teach-table">
        <table>
          <thead>
            <tr>
              <th scope="col">Control or readout</th>
              <th scope="col">Hide</th>
              <th scope="col">Lock</th>
            </tr>
          </thead>
          <tbody>
            {controls.map((c) => row(c.id, c.label, true))}
            {readouts.map((r) => row(r.id, r.label, false))}
          </tbody>
        </table>
      </div>
      <label>
        Assignment link{' '}
        <input
          type="text"
          readOnly
          value={link}
          data-testid="assign-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="dialog-buttons">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => addNotice('The browser did not allow copying: select the link and copy it yourself.'),
            );
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}

/** The teaching menu of a widget frame's toolbar. */
export function TeachMenu({
  name,
  props,
  chapter,
  frame,
  frameEl,
}: {
  name: string;
  props: Record<string, unknown>;
  chapter: string;
  frame: FrameRegistry;
  frameEl: () => HTMLElement | null;
}) {
  const [open, setOpen] = useState<'lesson' | 'assign' | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const choose = (what: 'lesson' | 'assign') => {
    if (menu.current) menu.current.open = false;
    setOpen(what);
  };
  return (
    <>
      <details className="teach-menu" ref={menu}>
        <summary className="btn btn-icon" aria-label={`Teaching tools for ${name}`} title="Teaching tools">
          ⋯
        </summary>
        <div className="teach-menu-items">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => choose('lesson')}
            data-testid="add-to-lesson"
          >
            Add to lesson…
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => choose('assign')}
            data-testid="assign-open"
          >
            Assignment link…
          </button>
        </div>
      </details>
      <Modal
        open={open === 'lesson'}
        onClose={() => setOpen(null)}
        title={`Add ${name} to a lesson`}
        testId="lesson-dialog"
      >
        <AddToLessonDialog
          name={name}
          props={props}
          chapter={chapter}
          frame={frame}
          frameEl={frameEl()}
          onClose={() => setOpen(null)}
        />
      </Modal>
      <Modal
        open={open === 'assign'}
        onClose={() => setOpen(null)}
        title={`Assignment link for ${name}`}
        testId="assign-dialog"
      >
        <AssignDialog frame={frame} onClose={() => setOpen(null)} />
      </Modal>
    </>
  );
}
