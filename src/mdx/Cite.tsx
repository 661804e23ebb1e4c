/**
 * `<Cite id="schulman2015trpo" />` → "(Schulman et al., 2015)" linking to the chapter's reference list, and
 * `<References />` prints the entries cited in the current chapter. Entries live in content/references.ts and in
 * any content/<chapter>/references.ts.
 */
import { references, type Reference } from './references';
import { PreviewLink } from './Preview';

function short(r: Reference): string {
  const names = r.authors
    .split(/,| and /)
    .map((s) => s.trim())
    .filter(Boolean);
  const last = (n: string) => n.split(' ').slice(-1)[0];
  const who = names.length > 2 ? `${last(names[0])} et al.` : names.map(last).join(' and ');
  return `${who}, ${r.year}`;
}

export function Cite({ id }: { id: string }) {
  const r = references[id];
  if (!r) return <span className="ref-missing">[{id}]</span>;
  // The full reference shows in a popover on hover, focus or a first tap.
  const full = {
    kind: 'text' as const,
    label: short(r),
    text: `${r.authors}. ${r.title}. ${r.venue}, ${r.year}.`,
  };
  return (
    <cite className="cite">
      (
      <PreviewLink href={r.url} content={() => full}>
        {short(r)}
      </PreviewLink>
      )
    </cite>
  );
}

export function References({ ids }: { ids: string[] }) {
  return (
    <ol className="references">
      {ids
        .map((id) => references[id])
        .filter((r): r is Reference => !!r)
        .map((r) => (
          <li key={r.id}>
            {r.authors}. <em>{r.title}</em>. {r.venue}, {r.year}.{' '}
            {r.url && (
              <a href={r.url} rel="noreferrer">
                {r.url}
              </a>
            )}
          </li>
        ))}
    </ol>
  );
}
