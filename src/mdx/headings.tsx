/** h2/h3 with a visible anchor link `#/<chapter>/<id>`, so every section can be deep-linked. */
import type { ComponentPropsWithoutRef } from 'react';
import { useChapterSlug } from './chapter-context';

function makeHeading(Tag: 'h2' | 'h3' | 'h4') {
  function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
    const slug = useChapterSlug();
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && (
          <a className="anchor" href={`#/${slug}/${id}`} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  }
  return Heading;
}

export const H2 = makeHeading('h2');
export const H3 = makeHeading('h3');
export const H4 = makeHeading('h4');
