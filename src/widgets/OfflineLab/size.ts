import type { WidgetSize } from '../size';

/** Placeholder height before the lab loads (px): the behaviour panel, the dataset controls, three learners. */
const size: WidgetSize = () => 2400;
export default size;
