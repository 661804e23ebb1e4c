import type { WidgetSize } from '../size';

/** Placeholder height before the panel loads (px); the compact panel has no charts row. */
const size: WidgetSize = (props) => (props.compact ? 640 : 760);
export default size;
