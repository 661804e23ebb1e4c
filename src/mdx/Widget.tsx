/**
 * The widget frame: `<Widget name="GridWorldLab" …props />` lazy-loads src/widgets/<name>/index.tsx behind a
 * placeholder as tall as the widget will be (prose does not jump): the height it measured last time in this browser,
 * else the one the widget declares in its size.ts. It mounts when it comes near the viewport or the page is printed
 * (see mount-when-near.ts), catches the widget's errors with a readable
 * message and a Retry button, and offers a fullscreen button. Widgets are found by folder name, so adding one
 * never edits a shared file.
 */
import {
  Component,
  Suspense,
  lazy,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { FrameRegistry, WidgetFrameContext } from '@/lib/widget-frame';
import { useChapterSlug } from './chapter-context';
import { useMountWhenNear } from './mount-when-near';
import { preloadLater, preloadedWidget } from './widget-preload';
import './print-shortcut';
import { AssignmentCheck, TeachMenu } from './WidgetTools';
import { useStaticBook } from '@/lib/print-mode';
import { declaredHeight, type WidgetSize } from '@/widgets/size';
import { rememberHeight, rememberedHeight } from './widget-heights';

type WidgetModule = { default: ComponentType<Record<string, unknown>> };
const loaders = import.meta.glob<WidgetModule>('/src/widgets/*/index.tsx');
const sizes = import.meta.glob<WidgetSize>('/src/widgets/*/size.ts', { eager: true, import: 'default' });

export const widgetNames = Object.keys(loaders).map((p) => p.split('/')[3]);

export function loadWidget(name: string) {
  const loader = loaders[`/src/widgets/${name}/index.tsx`];
  return loader ? lazy(loader) : null;
}

interface BoundaryProps {
  name: string;
  onRetry: () => void;
  children: ReactNode;
}

class WidgetErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    // Logged as a warning: a widget failure is reported in place and must not count as a page error.
    console.warn(`Widget ${this.props.name} failed:`, error);
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="widget-error" role="alert">
          <p>
            <strong>This widget stopped working.</strong>{' '}
            {this.state.error.message || String(this.state.error)}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              this.setState({ error: null });
              this.props.onRetry();
            }}
          >
            Retry
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function Widget({ name, ...props }: { name: string; [k: string]: unknown }) {
  const [attempt, setAttempt] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const sizeKey = useMemo(() => `${name}:${JSON.stringify(props)}`, [name, props]);
  const height = useMemo(
    () => rememberedHeight(sizeKey) ?? declaredHeight(sizes[`/src/widgets/${name}/size.ts`], props),
    [sizeKey], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // In the whole-book print view a widget is a figure: shown at its defaults and inert (no focus, no input), and
  // every one is wanted, not just those near the viewport.
  const frozen = useStaticBook();
  const near = useMountWhenNear(frame, frozen);
  // A new lazy component per attempt, so Retry also retries a failed chunk download. Chosen when the widget mounts:
  // its code imported ahead (widget-preload.ts) if it is there, so a print mounts it synchronously.
  const Lazy = useMemo(
    () => (attempt === 0 && near && preloadedWidget(name)) || loadWidget(name),
    [name, attempt, near],
  );
  useEffect(() => {
    const loader = loaders[`/src/widgets/${name}/index.tsx`];
    if (!near && loader) preloadLater(name, loader);
  }, [name, near]);
  const chapter = useChapterSlug();
  // What the widget registers while it renders (URL ids, readouts): a fresh registry per attempt.
  const registry = useMemo(() => new FrameRegistry(), [attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  const mounted = !!Lazy && near;
  useEffect(
    () => (mounted && frame.current ? rememberHeight(frame.current, sizeKey) : undefined),
    [mounted, sizeKey],
  );
  const placeholder = (
    <div className="widget-placeholder" style={{ height }} aria-busy="true">
      <span className="screen-only">Loading the {name} widget…</span>
      <span className="print-only">
        The interactive figure {name} had not loaded when this page was printed: print again, or print the
        whole book.
      </span>
    </div>
  );

  const fullscreen = () => {
    const el = frame.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div
      className="widget-frame"
      ref={frame}
      data-widget={name}
      data-static={frozen || undefined}
      inert={frozen || undefined}
      style={mounted ? undefined : { minHeight: height }}
    >
      <div className="widget-toolbar" hidden={frozen}>
        <TeachMenu
          name={name}
          props={props}
          chapter={chapter}
          frame={registry}
          frameEl={() => frame.current}
        />
        <button
          type="button"
          className="btn btn-icon"
          onClick={fullscreen}
          aria-label={`Show ${name} full screen`}
          title="Full screen"
        >
          ⤢
        </button>
      </div>
      {!Lazy ? null : !near ? (
        placeholder
      ) : (
        <WidgetErrorBoundary name={name} onRetry={() => setAttempt((a) => a + 1)} key={attempt}>
          <WidgetFrameContext.Provider value={registry}>
            <Suspense fallback={placeholder}>
              <Lazy {...props} />
              <AssignmentCheck frame={registry} name={name} />
            </Suspense>
          </WidgetFrameContext.Provider>
        </WidgetErrorBoundary>
      )}
      {Lazy ? null : (
        <div className="widget-error" role="alert">
          <strong>Unknown widget “{name}”.</strong> Known widgets: {widgetNames.join(', ') || 'none yet'}.
        </div>
      )}
    </div>
  );
}
