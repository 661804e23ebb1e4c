import type { WidgetSize } from '../size';

/** Placeholder height before the widget loads (px). */
const size: WidgetSize = 980;
export default size;
