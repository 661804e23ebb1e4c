/** `<Ref to="thm-pdl" />` → "Theorem 3.2" (or "(3.1)" for equations), linked, across chapters. */
import refs from 'virtual:numbering';

export function Ref({ to, children }: { to: string; children?: React.ReactNode }) {
  const t = refs[to];
  if (!t) {
    return (
      <span className="ref-missing" title={`No block with id "${to}"`}>
        [?{to}]
      </span>
    );
  }
  const label = t.kind === 'Equation' ? `(${t.number})` : `${t.kind} ${t.number}`;
  return <a href={`#/${t.slug}/${to}`}>{children ?? label}</a>;
}
