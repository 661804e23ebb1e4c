/**
 * `<Ref to="thm-pdl" />` → "Theorem 3.2" ("(3.1)" for equations, "Exercise 3.1", "Figure 3.1", a section by its
 * heading), linked, across chapters, with a preview of the target on hover and focus. Unresolved ids fail the
 * build (scripts/vite-plugins/content-index.ts).
 */
import refs from 'virtual:numbering';
import { PreviewLink, loadPreview } from './Preview';

export function Ref({ to, children }: { to: string; children?: React.ReactNode }) {
  const t = refs[to];
  if (!t) {
    return (
      <span className="ref-missing" title={`No block with id "${to}"`}>
        [?{to}]
      </span>
    );
  }
  const label =
    t.kind === 'Equation'
      ? `(${t.number})`
      : t.kind === 'Section'
        ? `“${t.number}”`
        : `${t.kind} ${t.number}`;
  return (
    <PreviewLink
      href={`#/${t.slug}/${to}`}
      content={() =>
        loadPreview(t.slug, to).then((p) =>
          p ? { kind: 'html' as const, label: p.label, html: p.html } : null,
        )
      }
    >
      {children ?? label}
    </PreviewLink>
  );
}
