/**
 * `#/widget/<Name>`: one widget alone on the page, for projecting in class and for the benchmarks. Its props come
 * from `props.<key>` query parameters, validated in src/lib/widget-props.ts (plain data only, refusals reported).
 */
import { MDXProvider } from '@mdx-js/react';
import { useEffect, useMemo } from 'react';
import { ChapterContext, Widget, mdxComponents } from '@/mdx';
import { addNotice } from '@/lib/notices';
import { widgetPropsFromQuery } from '@/lib/widget-props';

/** `ownHeading`: the widget renders the page's h1 itself (the class sweep pages). */
export function WidgetPage({ name, ownHeading = false }: { name: string; ownHeading?: boolean }) {
  const { props, problems } = useMemo(() => widgetPropsFromQuery(window.location.search), []);
  useEffect(() => problems.forEach((p) => addNotice(p)), [problems]);
  return (
    <div className="widget-page">
      {!ownHeading && (
        <h1 className="visually-hidden" id="chapter-title">
          {name}
        </h1>
      )}
      <ChapterContext.Provider value="">
        <MDXProvider components={mdxComponents}>
          <Widget name={name} {...props} />
        </MDXProvider>
      </ChapterContext.Provider>
    </div>
  );
}
