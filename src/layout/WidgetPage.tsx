/**
 * `#/widget/<Name>`: one widget alone on the page, for projecting in class. Its props come from `props.<key>` query
 * parameters, which are as untrusted as any link: a widget that declares them (`src/widgets/<Name>/props.ts`
 * exporting `propSpecs`, a `defineParams` table) gets them parsed, clamped and reported like every other URL
 * parameter, and only those; for the others, numbers and booleans are parsed and everything else stays a short
 * string. Either way no query value can become a callback (`on…`) or the frame's `name`.
 */
import { useEffect, useState } from 'react';
import { MDXProvider } from '@mdx-js/react';
import { addNotice } from '@/lib/notices';
import { readParams, type ParamSpecs } from '@/lib/url-params';
import { ChapterContext, Widget, mdxComponents } from '@/mdx';

const propSpecs = import.meta.glob<ParamSpecs>('/src/widgets/*/props.ts', { import: 'propSpecs' });

const MAX_VALUE = 200;

/** The `props.<key>` keys of the query that may be props at all, with their raw values. */
export function rawProps(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    if (!k.startsWith('props.')) continue;
    const key = k.slice(6);
    if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(key) || key === 'name' || /^on[A-Z]/.test(key)) continue;
    out[key] = v.slice(0, MAX_VALUE);
  }
  return out;
}

/** Props of a widget that declares none: numbers and booleans parsed, the rest short strings. */
export function looseProps(raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw))
    out[k] =
      v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  return out;
}

/** Props of a widget that declares them: its table parses them; unknown keys are reported and dropped. */
export function declaredProps(
  specs: ParamSpecs,
  search: string,
): { props: Record<string, unknown>; notices: string[] } {
  const raw = rawProps(search);
  const { values, notices } = readParams('props', specs, search);
  const props: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) {
    if (k in specs) props[k] = (values as Record<string, unknown>)[k];
    else notices.push(`props.${k} is not a setting of this widget; ignored`);
  }
  return { props, notices };
}

export function WidgetPage({ name }: { name: string }) {
  const [props, setProps] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    let live = true;
    const search = window.location.search;
    const load = propSpecs[`/src/widgets/${name}/props.ts`];
    if (!load) setProps(looseProps(rawProps(search)));
    else
      void load().then((specs) => {
        if (!live) return;
        const r = declaredProps(specs, search);
        for (const n of r.notices) addNotice(`Widget setting ${n}.`);
        setProps(r.props);
      });
    return () => {
      live = false;
    };
  }, [name]);
  return (
    <div className="widget-page">
      <h1 className="visually-hidden" id="chapter-title">
        {name}
      </h1>
      <ChapterContext.Provider value="">
        <MDXProvider components={mdxComponents}>{props && <Widget name={name} {...props} />}</MDXProvider>
      </ChapterContext.Provider>
    </div>
  );
}
