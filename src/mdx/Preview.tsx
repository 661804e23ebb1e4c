/**
 * The popover of a cross-reference or a citation: hovering or focusing the link shows what it points to (math
 * rendered) without leaving the page; Escape or leaving closes it. On touch, a first tap opens it and a second tap
 * follows the link. The content of references comes from `virtual:previews` (built from the MDX at build time,
 * one lazily loaded module per chapter).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import previews from 'virtual:previews';

type Entry = { label: string; html: string };
const cache = new Map<string, Promise<Record<string, Entry>>>();

/** The preview of block/section `id` in chapter `slug` (null when there is none). */
export function loadPreview(slug: string, id: string): Promise<Entry | null> {
  const loader = previews[slug];
  if (!loader) return Promise.resolve(null);
  if (!cache.has(slug))
    cache.set(
      slug,
      loader().then((m) => m.default),
    );
  return cache.get(slug)!.then((all) => all[id] ?? null);
}

type Content = { kind: 'html'; label: string; html: string } | { kind: 'text'; label: string; text: string };

export function PreviewLink({
  href,
  children,
  content,
  className,
}: {
  href?: string;
  children: ReactNode;
  /** What the popover shows; a promise is awaited on first open. */
  content: () => Promise<Content | null> | Content | null;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Content | null>(null);
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const anchor = useRef<HTMLAnchorElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastPointer = useRef<string>('mouse');
  const openBeforeTap = useRef(false);
  const tipId = useId();

  const show = () => {
    clearTimeout(hideTimer.current);
    const r = anchor.current?.getBoundingClientRect();
    if (r) {
      const width = Math.min(440, window.innerWidth - 16);
      const below = r.bottom + 8;
      setPos({ top: below, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) });
    }
    setOpen(true);
    void Promise.resolve(content()).then((c) => setShown(c));
  };
  const hideSoon = () => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => setOpen(false), 150);
  };

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('scroll', close, { passive: true, capture: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('scroll', close, { capture: true });
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  useEffect(() => () => clearTimeout(hideTimer.current), []);

  const Tag = href ? 'a' : 'span';
  return (
    <>
      <Tag
        ref={anchor as never}
        href={href}
        className={className}
        tabIndex={href ? undefined : 0}
        aria-describedby={open && shown ? tipId : undefined}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={hideSoon}
        onPointerDown={(e) => {
          lastPointer.current = e.pointerType;
          openBeforeTap.current = open;
        }}
        onClick={(e) => {
          // Touch: the first tap shows the preview, the second follows the link. A tap also fires the mouse's
          // enter and the link's focus before its click, and both open the preview: so what counts is whether it
          // was open when the finger came down.
          if (lastPointer.current === 'touch' && !openBeforeTap.current) {
            e.preventDefault();
            show();
          }
        }}
      >
        {children}
      </Tag>
      {open &&
        shown &&
        createPortal(
          <div
            role="tooltip"
            id={tipId}
            className="ref-preview"
            data-testid="ref-preview"
            style={{ top: pos.top, left: pos.left }}
            onMouseEnter={() => clearTimeout(hideTimer.current)}
            onMouseLeave={hideSoon}
          >
            <div className="ref-preview-label">{shown.label}</div>
            {shown.kind === 'html' ? (
              <div className="ref-preview-body" dangerouslySetInnerHTML={{ __html: shown.html }} />
            ) : (
              <div className="ref-preview-body">{shown.text}</div>
            )}
          </div>,
          document.body,
        )}
    </>
  );
}
