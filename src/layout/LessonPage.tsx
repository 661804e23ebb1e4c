/**
 * `#/lesson/<code>[/<n>]`: a lesson from its link. Outside presenter mode it lists the scenes (present from any of
 * them, or save the lesson to this browser's lessons to edit it). In presenter mode (`p`, or Present) each scene
 * fills the screen with its widget in the saved state; the arrow keys (and Page Up/Down, as clickers send) step
 * through the scenes, and "Reset this scene" puts the widget back in the saved state after the class played with it.
 * A scene's state is its query string: it is written into the URL before the widget mounts, and the widget reads it
 * as it reads any link (so hostile values are clamped with a notice, as everywhere).
 */
import { MDXProvider } from '@mdx-js/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ChapterContext, Widget, mdxComponents, widgetNames } from '@/mdx';
import { decodeLessonLink, type Checked, type Lesson, type Scene } from '@/lib/lesson-format';
import { useLessons } from '@/lib/lessons';
import { addNotice } from '@/lib/notices';
import { dialogOpen, isFormControl } from '@/lib/shortcuts';
import { usePresenter } from './presenter';
import { chapterHref } from './router';

/** Puts a scene's state in the URL (keeping the lesson's hash, at scene n). */
function showInUrl(code: string, scene: Scene, n: number) {
  const { pathname } = window.location;
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${scene.query ? `?${scene.query}` : ''}#/lesson/${code}/${n}`,
  );
}

/** Where a scene came from, as a link into its chapter with its state. */
export function sceneHref(scene: Scene): string {
  const q = scene.query ? `?${scene.query}` : '';
  return scene.chapter ? `${q}${chapterHref(scene.chapter, scene.section)}` : `${q}#/widget/${scene.widget}`;
}

export function useDecodedLesson(code: string): Checked<Lesson> | null {
  const [result, setResult] = useState<Checked<Lesson> | null>(null);
  useEffect(() => {
    let live = true;
    void decodeLessonLink(code, widgetNames).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [code]);
  return result;
}

function Stage({ code, lesson, start }: { code: string; lesson: Lesson; start: number }) {
  const count = lesson.scenes.length;
  // The URL holds a scene's state before its widget mounts (the widget reads it on mount), so every change of
  // scene writes the URL first, then renders.
  const [index, setIndex] = useState(() => {
    const i = Math.min(count, Math.max(1, start)) - 1;
    showInUrl(code, lesson.scenes[i], i + 1);
    return i;
  });
  const [resets, setResets] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const scene = lesson.scenes[index];

  const go = useCallback(
    (i: number) => {
      const j = Math.min(count - 1, Math.max(0, i));
      if (j === index) return;
      showInUrl(code, lesson.scenes[j], j + 1);
      setIndex(j);
    },
    [count, code, lesson, index],
  );
  const resetScene = () => {
    showInUrl(code, scene, index + 1);
    setResets((r) => r + 1);
  };

  useEffect(() => heading.current?.focus(), [index]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialogOpen() || isFormControl(e.target))
        return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        go(index + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        go(index - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index]);

  return (
    <section
      className="lesson-stage"
      aria-label={`Lesson: ${lesson.title || 'untitled'}`}
      data-testid="lesson-stage"
    >
      <div className="lesson-stage-bar">
        <h2
          ref={heading}
          tabIndex={-1}
          aria-live="polite"
          data-testid="lesson-scene-number"
          style={{ margin: 0 }}
        >
          Scene {index + 1} of {count}
        </h2>
        <button
          type="button"
          className="btn"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          ← Previous
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => go(index + 1)}
          disabled={index === count - 1}
          aria-keyshortcuts="ArrowRight"
        >
          Next →
        </button>
        <button type="button" className="btn" onClick={resetScene} data-testid="lesson-reset-scene">
          Reset this scene
        </button>
        <button type="button" className="btn" onClick={() => usePresenter.getState().toggle()}>
          Leave presenter mode
        </button>
      </div>
      {scene.caption && (
        <p className="lesson-stage-caption" data-testid="lesson-caption">
          {scene.caption}
        </p>
      )}
      <ChapterContext.Provider value={scene.chapter}>
        <MDXProvider components={mdxComponents}>
          <Widget key={`${index}:${resets}`} name={scene.widget} {...scene.props} />
        </MDXProvider>
      </ChapterContext.Provider>
    </section>
  );
}

export function LessonPage({ code, scene }: { code: string; scene: number }) {
  const result = useDecodedLesson(code);
  const presenter = usePresenter();
  const [start, setStart] = useState(scene);

  if (!result) return <p aria-busy="true">Reading the lesson…</p>;
  if (!result.ok)
    return (
      <div className="not-found">
        <h1 id="chapter-title">This lesson cannot be shown</h1>
        <p role="alert" data-testid="lesson-error">
          {result.error}
        </p>
        <p>
          <a href="#/lessons">Your lessons</a> · <a href="#/">Table of contents</a>
        </p>
      </div>
    );
  const lesson = result.value;
  const present = (n: number) => {
    setStart(n);
    if (!usePresenter.getState().on) usePresenter.getState().toggle();
  };
  return (
    <div className="lesson-page">
      <h1 id="chapter-title">{lesson.title || 'Untitled lesson'}</h1>
      <p>
        {lesson.scenes.length} scenes. Press <kbd>p</kbd> or <em>Present</em> to show them full screen; the
        arrow keys step through them.
      </p>
      <p className="dialog-buttons">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => present(1)}
          data-testid="lesson-present"
        >
          Present
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            useLessons.getState().importLesson(lesson);
            addNotice(
              `The lesson “${lesson.title || 'Untitled lesson'}” was added to your lessons (#/lessons).`,
              'info',
            );
          }}
        >
          Save to my lessons
        </button>
      </p>
      <ol className="lesson-scenes">
        {lesson.scenes.map((s, i) => (
          <li key={i}>
            <strong>{s.widget}</strong>{' '}
            {s.chapter && (
              <>
                from <a href={sceneHref(s)}>{s.chapter}</a>
              </>
            )}
            {s.caption && <p style={{ margin: 0 }}>{s.caption}</p>}
            <button type="button" className="btn btn-small" onClick={() => present(i + 1)}>
              Present from scene {i + 1}
            </button>
          </li>
        ))}
      </ol>
      {presenter.on && <Stage key={start} code={code} lesson={lesson} start={start} />}
    </div>
  );
}
