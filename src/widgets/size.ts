/**
 * A widget's placeholder height, declared next to it in `src/widgets/<Name>/size.ts` (default export): the height
 * the prose reserves before the widget's code has loaded, so the page does not jump. A number, or a function of the
 * props the chapter passes (a compact variant is shorter). Once a widget has been seen, the frame reuses the height
 * it measured (see src/mdx/Widget.tsx), so the declaration only matters on a first visit.
 */
export type WidgetSize = number | ((props: Record<string, unknown>) => number);

/** The default for a widget that declares nothing. */
export const DEFAULT_WIDGET_HEIGHT = 400;

export function declaredHeight(size: WidgetSize | undefined, props: Record<string, unknown>): number {
  const h = typeof size === 'function' ? size(props) : size;
  return Number.isFinite(h) && (h as number) > 0 ? (h as number) : DEFAULT_WIDGET_HEIGHT;
}
