/**
 * `#/lessons`: the instructor's lessons, kept in this browser (src/lib/lessons.ts). Scenes come from the widgets'
 * "Add to lesson…" action; here they are reordered, captioned and deleted, and the lesson becomes one link
 * (`#/lesson/1.<code>`, presented with the arrow keys) or a JSON file (exported, and imported with its problems
 * named).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { widgetNames } from '@/mdx';
import { downloadJSON } from '@/lib/export';
import { encodeLessonLink, lessonFile, MAX_CAPTION, MAX_TITLE, parseLessonFile } from '@/lib/lesson-format';
import { useLessons, type StoredLesson } from '@/lib/lessons';
import { addNotice } from '@/lib/notices';
import { sceneHref } from './LessonPage';

const fileName = (title: string) =>
  `lesson-${
    (title || 'untitled')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'untitled'
  }`;

function useLessonLink(lesson: StoredLesson | null): string | null {
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!lesson || lesson.scenes.length === 0) return;
    void encodeLessonLink(lesson).then((code) => {
      if (live) setLink(`${window.location.origin}${window.location.pathname}#/lesson/${code}`);
    });
    return () => {
      live = false;
    };
  }, [lesson]);
  return lesson && lesson.scenes.length ? link : null;
}

function Importer() {
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>Import a lesson file (.json) </label>
      <input
        id={id}
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="lesson-import"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          const r = parseLessonFile(await file.text(), widgetNames);
          if (input.current) input.current.value = '';
          if (!r.ok) {
            setError(`${file.name}: ${r.error}`);
            return;
          }
          setError(null);
          useLessons.getState().importLesson(r.value);
          addNotice(
            `Imported “${r.value.title || 'Untitled lesson'}” (${r.value.scenes.length} scenes).`,
            'info',
          );
        }}
      />
      {error && (
        <p role="alert" data-testid="lesson-import-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function LessonsEditor() {
  const { lessons, currentId, problem, readOnly } = useLessons();
  const st = useLessons.getState();
  const lesson = lessons.find((l) => l.id === currentId) ?? null;
  const link = useLessonLink(lesson);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const titleId = useId();
  const pickId = useId();

  return (
    <div className="lessons-editor">
      <h1 id="chapter-title">Lessons</h1>
      <p>
        A lesson is a sequence of widget states with captions, presented full screen with the arrow keys. Add
        a scene from any widget's teaching menu (⋯, then “Add to lesson…”); it keeps the widget exactly as it
        is.
      </p>
      {problem && (
        <p role="alert" data-testid="lessons-problem">
          {problem}
        </p>
      )}
      {!readOnly && (
        <>
          <div className="dialog-buttons">
            {lessons.length > 0 && (
              <label htmlFor={pickId}>
                Lesson{' '}
                <select
                  id={pickId}
                  value={currentId ?? ''}
                  onChange={(e) => st.select(e.currentTarget.value)}
                >
                  {lessons.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title || 'Untitled lesson'} ({l.scenes.length} scenes)
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="btn" onClick={() => st.newLesson()}>
              New lesson
            </button>
          </div>
          <Importer />
        </>
      )}
      {lesson && !readOnly && (
        <section aria-labelledby={titleId}>
          <h2 id={titleId}>{lesson.title || 'Untitled lesson'}</h2>
          <label>
            Title{' '}
            <input
              type="text"
              value={lesson.title}
              maxLength={MAX_TITLE}
              onChange={(e) => st.rename(e.currentTarget.value)}
              data-testid="lesson-title"
            />
          </label>
          {lesson.scenes.length === 0 ? (
            <p>No scenes yet: open a chapter and use a widget's “Add to lesson…”.</p>
          ) : (
            <ol className="lesson-scenes" data-testid="lesson-scenes">
              {lesson.scenes.map((s, i) => (
                <li key={`${i}:${s.widget}:${s.query}`} data-testid="lesson-scene">
                  <strong>{s.widget}</strong>
                  {s.chapter && (
                    <>
                      {' '}
                      from <a href={sceneHref(s)}>{s.chapter}</a>
                    </>
                  )}{' '}
                  <code>{s.query || 'defaults'}</code>
                  <label>
                    Caption of scene {i + 1}
                    <textarea
                      value={s.caption}
                      maxLength={MAX_CAPTION}
                      rows={2}
                      onChange={(e) => st.setCaption(i, e.currentTarget.value)}
                    />
                  </label>
                  <span className="dialog-buttons">
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={i === 0}
                      onClick={() => st.moveScene(i, -1)}
                      aria-label={`Move scene ${i + 1} up`}
                    >
                      ↑ Up
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={i === lesson.scenes.length - 1}
                      onClick={() => st.moveScene(i, 1)}
                      aria-label={`Move scene ${i + 1} down`}
                    >
                      ↓ Down
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => st.removeScene(i)}
                      aria-label={`Delete scene ${i + 1}`}
                    >
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="dialog-buttons">
            {link && (
              <a className="btn btn-primary" href={link} data-testid="lesson-link">
                Open the lesson link (present it)
              </a>
            )}
            {link && (
              <button
                type="button"
                className="btn"
                onClick={() =>
                  void navigator.clipboard?.writeText(link).then(
                    () => addNotice('Lesson link copied.', 'info'),
                    () => addNotice('The browser did not allow copying: copy the link from the button.'),
                  )
                }
              >
                Copy lesson link
              </button>
            )}
            <button
              type="button"
              className="btn"
              onClick={() => downloadJSON(fileName(lesson.title), lessonFile(lesson))}
              data-testid="lesson-export"
            >
              Export as file
            </button>
            {confirmDelete ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  st.deleteLesson(lesson.id);
                  setConfirmDelete(false);
                }}
              >
                Really delete “{lesson.title || 'Untitled lesson'}”?
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => setConfirmDelete(true)}>
                Delete lesson
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
