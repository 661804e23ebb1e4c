/** The page shell: header (search, theme, presenter mode, shortcuts), chapter navigation, notices, the page. */
import { Suspense, lazy, useEffect, useState } from 'react';
import { pageBySlug } from '@content/chapters';
import { ChapterPage } from './ChapterPage';
import { Home } from './Home';
import { NoticeBanner } from './NoticeBanner';
import { PrintBook } from './PrintBook';
import { UpdateBanner } from './UpdateBanner';
import { Search } from './Search';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { WidgetPage } from './WidgetPage';
import { LessonPage } from './LessonPage';
import { LessonsEditor } from './LessonsEditor';
import { usePresenter } from './presenter';
import { parseRoute, useHash } from './router';
import { useTheme } from './theme';
import { dialogOpen, isFormControl } from '@/lib/shortcuts';

// The answer sheet computes every checked exercise: its own chunk, loaded only on #/answers.
const AnswerSheet = lazy(() => import('./AnswerSheet'));

export function App() {
  const route = parseRoute(useHash());
  const [theme, toggleTheme] = useTheme();
  const presenter = usePresenter();
  const [drawer, setDrawer] = useState(false);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Letter shortcuts never fire in a form control (a focused slider takes its own keys) or under a dialog.
      if (e.ctrlKey || e.metaKey || e.altKey || isFormControl(e.target) || dialogOpen()) return;
      if (e.key === 'p') usePresenter.getState().toggle();
      else if (e.key === '?') setHelp(true);
      else if (e.key === 'Escape') {
        setDrawer(false);
        if (usePresenter.getState().on && !document.fullscreenElement) usePresenter.getState().toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const chapter = route.kind === 'chapter' ? pageBySlug(route.slug) : undefined;
  let page;
  if (route.kind === 'widget') page = <WidgetPage name={route.name} />;
  else if (route.kind === 'lessons') page = <LessonsEditor />;
  else if (route.kind === 'lesson')
    page = <LessonPage key={route.code} code={route.code} scene={route.scene} />;
  else if (route.kind === 'sweep')
    page = <WidgetPage name={route.cell ? 'SweepCell' : 'SweepPage'} ownHeading />;
  else if (route.kind === 'print') page = <PrintBook />;
  else if (route.kind === 'answers')
    page = (
      <Suspense fallback={<p>Loading the answer sheet…</p>}>
        <AnswerSheet />
      </Suspense>
    );
  else if (route.kind === 'chapter' && chapter)
    page = <ChapterPage chapter={chapter} section={route.section} />;
  else if (route.kind === 'chapter')
    page = (
      <div className="not-found">
        <h1>No such chapter</h1>
        <p>
          There is no chapter called “{route.slug}”. <a href="#/">See the table of contents.</a>
        </p>
      </div>
    );
  else page = <Home />;

  // A chapter sets its own title (ChapterPage); every other page sets one here, so no title outlives its page.
  const pageTitle =
    route.kind === 'home'
      ? 'Proximal'
      : route.kind === 'widget'
        ? `${route.name} — Proximal`
        : route.kind === 'lessons' || route.kind === 'lesson'
          ? 'Lessons — Proximal'
          : route.kind === 'answers'
            ? 'Answer sheet — Proximal'
            : route.kind === 'sweep'
              ? `${route.cell ? 'Your sweep cell' : 'Class sweep'} — Proximal`
              : chapter || route.kind === 'print'
                ? null
                : 'No such chapter — Proximal';
  useEffect(() => {
    if (pageTitle) document.title = pageTitle;
  }, [pageTitle]);

  return (
    <div className={`app ${presenter.on ? 'is-presenter' : ''}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn btn-icon menu-button"
          aria-controls="sidebar"
          aria-expanded={drawer}
          aria-label="Chapters"
          onClick={() => setDrawer((d) => !d)}
        >
          ☰
        </button>
        <a className="brand" href="#/">
          Proximal
        </a>
        <Search />
        <div className="topbar-actions">
          <button
            type="button"
            className="btn btn-icon hide-narrow"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ⌨
          </button>
          <button
            type="button"
            className="btn btn-icon hide-narrow presenter-toggle"
            onClick={presenter.toggle}
            aria-pressed={presenter.on}
            aria-label="Presenter mode"
            title={presenter.on ? 'Leave presenter mode (p or Esc)' : 'Presenter mode (p)'}
            data-testid="presenter-toggle"
          >
            {presenter.on ? 'Exit' : 'Present'}
          </button>
          <button
            type="button"
            className="btn btn-icon"
            onClick={toggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Theme"
            data-testid="theme-toggle"
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        </div>
      </header>
      <div className="body">
        <Sidebar currentSlug={chapter?.slug ?? null} open={drawer} onNavigate={() => setDrawer(false)} />
        {drawer && <div className="scrim" onClick={() => setDrawer(false)} aria-hidden="true" />}
        <main id="main" tabIndex={-1}>
          <UpdateBanner />
          <NoticeBanner />
          {page}
        </main>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
