import type { WidgetSize } from '../size';

/** Placeholder height before the widget loads (px). */
const size: WidgetSize = 1500;
export default size;
