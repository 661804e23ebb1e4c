/**
 * Props of a widget shown alone (`#/widget/<Name>?props.<key>=…`), read from the query string like every other
 * URL parameter: only plain data reaches the widget. Numbers and booleans are parsed, strings kept short; a key
 * that names a callback (`onStore`), React internals or the frame's layout (`height`, `style`) is refused, so a link
 * can neither crash a widget nor stretch the page. What was refused comes back as messages for the page's notice.
 */
const REFUSED = /^(on[A-Z].*|children|key|ref|name|height|width|style|className|dangerouslySetInnerHTML)$/;
const MAX_STRING = 100;
const MAX_ABS = 1e6;

/** Whether a widget prop may be set from outside (a link, a lesson file): plain names, no callbacks or layout. */
export const allowedPropKey = (key: string) => /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key) && !REFUSED.test(key);

export function widgetPropsFromQuery(search: string): { props: Record<string, unknown>; problems: string[] } {
  const props: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [k, v] of new URLSearchParams(search)) {
    if (!k.startsWith('props.')) continue;
    const key = k.slice(6);
    if (!allowedPropKey(key)) {
      problems.push(`The link's “${k.slice(0, 60)}” is not a setting a widget takes: ignored.`);
      continue;
    }
    if (v === 'true' || v === 'false') props[key] = v === 'true';
    else if (v !== '' && Number.isFinite(Number(v))) {
      const n = Number(v);
      props[key] = Math.max(-MAX_ABS, Math.min(MAX_ABS, n));
      if (Math.abs(n) > MAX_ABS) problems.push(`The link's “${k}” was out of range: set to ${props[key]}.`);
    } else if (v.length > MAX_STRING) problems.push(`The link's “${k}” is too long: ignored.`);
    else props[key] = v;
  }
  return { props, problems };
}
