/**
 * The optional explicit instance of a widget that normally draws its problem from a seed: the URL parameter
 * `<widget>.inst` (written by the "break this theorem" labs) read with `parseInstance`, which never throws. A bad
 * value is reported as a page notice and the widget falls back to its seeded problem; clamped numbers are reported too.
 */
import { useEffect, useMemo } from 'react';
import { MAX_ENCODED_LENGTH, parseInstance, type LabInstance } from '@/rl';
import { str } from '@/lib/url-params';
import { addNotice } from '@/lib/notices';

/** The `inst` parameter of a widget's `defineParams` table. */
export const instanceParam = () => str('', MAX_ENCODED_LENGTH, /[A-Za-z0-9_.-]/);

export function useLinkedInstance(widgetId: string, text: string): LabInstance | null {
  const parsed = useMemo(() => (text ? parseInstance(text) : null), [text]);
  useEffect(() => {
    if (!parsed) return;
    if ('error' in parsed)
      addNotice(
        `Link setting ${widgetId}.inst is not a valid instance (${parsed.error}); showing the seeded problem.`,
      );
    else for (const n of parsed.notices) addNotice(`Link setting ${widgetId}.inst: ${n}.`);
  }, [parsed, widgetId]);
  return parsed && 'instance' in parsed ? parsed.instance : null;
}
