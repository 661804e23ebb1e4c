/**
 * `#/widget/<Name>`: one widget alone on the page, for projecting in class and for the benchmarks. Its props come
 * from `props.<key>` query parameters (numbers and booleans are parsed; everything else stays a string).
 */
import { MDXProvider } from '@mdx-js/react';
import { ChapterContext, Widget, mdxComponents } from '@/mdx';

function propsFromQuery(search: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    if (!k.startsWith('props.')) continue;
    const key = k.slice(6);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key) || key === 'name') continue;
    out[key] =
      v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

export function WidgetPage({ name }: { name: string }) {
  const props = propsFromQuery(window.location.search);
  return (
    <div className="widget-page">
      <h1 className="visually-hidden" id="chapter-title">
        {name}
      </h1>
      <ChapterContext.Provider value="">
        <MDXProvider components={mdxComponents}>
          <Widget name={name} {...props} />
        </MDXProvider>
      </ChapterContext.Provider>
    </div>
  );
}
