/**
 * Search over chapter titles, headings and text. The index (built from the MDX sources at build time) and
 * MiniSearch load on first focus, in their own chunk, so they cost nothing until used.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { markTerms } from './search-marks';
import type MiniSearch from 'minisearch';
import { engineOptions, namedLabel, searchBook, type SearchDoc } from './search-engine';
import { chapterHref } from './router';

/** Longest query searched (characters): a pasted page of text is cut here instead of freezing the tab. */
export const MAX_QUERY = 120;
/** Typing pause before a search runs (ms). */
const DEBOUNCE_MS = 120;

let enginePromise: Promise<MiniSearch<SearchDoc>> | null = null;
function loadEngine() {
  enginePromise ??= Promise.all([import('minisearch'), import('virtual:search-index')]).then(([m, idx]) => {
    const ms = new m.default<SearchDoc>(engineOptions);
    ms.addAll(idx.default);
    return ms;
  });
  return enginePromise;
}

interface Hit {
  id: string;
  slug: string;
  chapter: string;
  heading: string;
  snippet: string;
  terms: string[];
}

/** ~140 characters of the section around the block the query names, else around its first matched word. */
function snippet(text: string, terms: string[], label: RegExp | null): string {
  const lower = text.toLowerCase();
  const at =
    (label && label.exec(text)?.index) ??
    terms.map((t) => lower.indexOf(t.toLowerCase())).find((i) => i >= 0) ??
    0;
  const start = Math.max(0, at - 40);
  return (start > 0 ? '…' : '') + text.slice(start, start + 140) + (text.length > start + 140 ? '…' : '');
}

export function Search() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key === '/' && !(t && t.closest('input, textarea, select, [contenteditable]'))) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let live = true;
    const query = q.trim();
    if (query.length < 2) {
      setHits([]);
      return;
    }
    const timer = setTimeout(
      () =>
        void loadEngine().then((ms) => {
          if (!live) return;
          const label = namedLabel(query);
          const res = searchBook(ms, query, label).slice(0, 8);
          setHits(
            res.map((r) => ({
              id: r.id as string,
              slug: r.slug as string,
              chapter: r.chapter as string,
              heading: r.heading as string,
              snippet: snippet(r.text as string, r.terms, label),
              terms: r.terms,
            })),
          );
        }),
      DEBOUNCE_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  const go = (h: Hit) => {
    const [slug, section] = h.id.split('/');
    window.location.hash = chapterHref(slug, section);
    setOpen(false);
    setQ('');
  };

  return (
    <div className="search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search the book
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        placeholder="Search  /"
        value={q}
        maxLength={MAX_QUERY}
        autoComplete="off"
        aria-controls={open && q.trim().length >= 2 ? listId : undefined}
        onFocus={() => {
          setOpen(true);
          void loadEngine();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 200)}
        onChange={(e) => {
          setQ(e.currentTarget.value.slice(0, MAX_QUERY));
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) go(hits[0]);
          if (e.key === 'Escape') {
            setQ('');
            e.currentTarget.blur();
          }
        }}
      />
      {open && q.trim().length >= 2 && (
        <ul id={listId} className="search-results" aria-label="Search results">
          {hits.length === 0 && <li className="search-empty">No match.</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <a
                href={chapterHref(...(h.id.split('/') as [string, string?]))}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setOpen(false);
                  setQ('');
                }}
              >
                <span className="search-heading">{h.heading}</span>
                <span className="search-chapter">{h.chapter}</span>
                <span className="search-snippet">
                  {markTerms(h.snippet, h.terms).map((p, i) =>
                    p.mark ? <mark key={i}>{p.text}</mark> : p.text,
                  )}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
