/**
 * Numbered theorem-like blocks, proofs, callouts, exercises and figures. Numbers ("Theorem 3.2") are given at build
 * time by the numbering remark plugin (scripts/vite-plugins/numbering.ts) as the `number` prop.
 */
import { useState, type ReactNode } from 'react';
import { useChapterSlug } from './chapter-context';

interface BlockProps {
  id?: string;
  title?: string;
  number?: string;
  children?: ReactNode;
}

function makeBlock(kind: string) {
  function Block({ id, title, number, children }: BlockProps) {
    const slug = useChapterSlug();
    const label = `${kind}${number ? ` ${number}` : ''}`;
    return (
      <section
        className={`block block-${kind.toLowerCase()}`}
        id={id}
        aria-label={title ? `${label}: ${title}` : label}
      >
        <header className="block-head">
          {id ? (
            <a className="block-label" href={`#/${slug}/${id}`}>
              {label}
            </a>
          ) : (
            <span className="block-label">{label}</span>
          )}
          {title && <span className="block-title"> ({title})</span>}
          <span className="block-dot">.</span>
        </header>
        <div className="block-body">{children}</div>
      </section>
    );
  }
  Block.displayName = kind;
  return Block;
}

export const Definition = makeBlock('Definition');
export const Theorem = makeBlock('Theorem');
export const Lemma = makeBlock('Lemma');
export const Proposition = makeBlock('Proposition');
export const Corollary = makeBlock('Corollary');

export function Proof({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="proof">
      <em className="proof-head">{title ?? 'Proof'}.</em> {children}
      <span className="qed" aria-label="end of proof">
        ∎
      </span>
    </div>
  );
}

export function Remark({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <aside className="callout callout-remark" aria-label={title ? `Remark: ${title}` : 'Remark'}>
      <strong className="callout-head">Remark{title ? `: ${title}` : ''}</strong>
      {children}
    </aside>
  );
}

/** Where the source notes were wrong: what they say, and the correct statement. */
export function Erratum({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <aside className="callout callout-erratum" aria-label={title ? `Erratum: ${title}` : 'Erratum'}>
      <strong className="callout-head">Erratum{title ? `: ${title}` : ''}</strong>
      {children}
    </aside>
  );
}

export function Exercise({ id, title, number, children }: BlockProps) {
  const label = `Exercise${number ? ` ${number}` : ''}`;
  return (
    <section className="callout callout-exercise" id={id} aria-label={title ? `${label}: ${title}` : label}>
      <strong className="callout-head">
        {label}
        {title ? `: ${title}` : ''}
      </strong>
      {children}
    </section>
  );
}

export function Solution({ children }: { children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="solution">
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide solution' : 'Show solution'}
      </button>
      {/* Kept in the DOM (hidden) so it prints and is searchable by the browser when opened. */}
      <div className="solution-body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

export function Figure({
  id,
  number,
  caption,
  children,
}: {
  id?: string;
  number?: string;
  caption?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <figure className="figure" id={id}>
      {children}
      {(caption || number) && (
        <figcaption>
          {number && <strong>Figure {number}. </strong>}
          {caption}
        </figcaption>
      )}
    </figure>
  );
}

/** A numbered display equation: wraps one `$$…$$` block; the number shows at the right. */
export function Equation({ id, number, children }: { id?: string; number?: string; children?: ReactNode }) {
  return (
    <div className="equation" id={id}>
      <div className="equation-body">{children}</div>
      {number && <span className="equation-number">({number})</span>}
    </div>
  );
}
