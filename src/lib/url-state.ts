/**
 * `useUrlParams(widgetId, specs)`: a widget's settings, restored from and written back to the query string.
 * Invalid values in the URL never reach the widget: they are clamped or replaced by defaults, a notice says what
 * changed, and the URL is rewritten to what is actually shown. Writes are debounced `history.replaceState` calls
 * that keep the hash route and every other widget's keys.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { addNotice } from './notices';
import { WidgetFrameContext } from './widget-frame';
import { useStaticBook } from './print-mode';
import { defaults, readParams, writeParams, type ParamSpecs, type ParamValues } from './url-params';

export * from './url-params';

const WRITE_DELAY_MS = 250;

function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search;
}

function replaceSearch(search: string) {
  const { pathname, hash } = window.location;
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

export function useUrlParams<S extends ParamSpecs>(
  widgetId: string,
  specs: S,
): [ParamValues<S>, (patch: Partial<ParamValues<S>>) => void, () => void] {
  const specsRef = useRef(specs);
  // The widget frame learns which settings this widget keeps (assignment links and lesson scenes use them).
  const frame = useContext(WidgetFrameContext);
  frame?.registerParams(widgetId, specs);
  // In the whole-book print view every widget shows its defaults, and the page's URL is neither read nor written.
  const frozen = useStaticBook();
  const [values, setValuesState] = useState<ParamValues<S>>(
    () => readParams(widgetId, specs, frozen ? '' : currentSearch()).values,
  );
  // What the link set, so a reset keeps the settings an assignment link hides or locks.
  const [fromLink] = useState(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Report what had to be corrected once, and rewrite the URL to the values actually in use.
  useEffect(() => {
    if (frozen) return;
    const { values: v, notices } = readParams(widgetId, specsRef.current, currentSearch());
    if (notices.length) {
      for (const n of notices) addNotice(`Link setting ${n}.`);
      replaceSearch(writeParams(widgetId, specsRef.current, v, currentSearch()));
    }
  }, [widgetId, frozen]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const schedule = useCallback(
    (v: ParamValues<S>) => {
      if (frozen) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        replaceSearch(writeParams(widgetId, specsRef.current, v, currentSearch()));
      }, WRITE_DELAY_MS);
    },
    [widgetId, frozen],
  );

  const setValues = useCallback(
    (patch: Partial<ParamValues<S>>) => {
      setValuesState((prev) => {
        // Values set by code go through the same validation as values from the URL.
        const merged = { ...prev, ...patch };
        const q = new URLSearchParams(writeParams(widgetId, specsRef.current, merged, ''));
        const { values: clean } = readParams(widgetId, specsRef.current, q.toString());
        schedule(clean);
        return clean;
      });
    },
    [widgetId, schedule],
  );

  const reset = useCallback(() => {
    const d: Record<string, unknown> = defaults(specsRef.current);
    const a = frame?.assignmentOf(widgetId);
    for (const name of [...(a?.hide ?? []), ...(a?.lock ?? [])])
      if (name in d) d[name] = (fromLink as Record<string, unknown>)[name];
    setValuesState(d as ParamValues<S>);
    schedule(d as ParamValues<S>);
  }, [schedule, frame, widgetId, fromLink]);

  return [values, setValues, reset];
}
