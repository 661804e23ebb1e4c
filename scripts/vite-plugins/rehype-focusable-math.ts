/**
 * Display math scrolls sideways on narrow screens (`overflow-x: auto`). A scrollable region must be reachable by
 * keyboard, so every display block gets tabindex="0" and an accessible name; readers can focus it and scroll with
 * the arrow keys.
 */
import { visit } from 'unist-util-visit';

interface HastElement {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
}

export function rehypeFocusableMath() {
  return (tree: unknown) => {
    visit(tree as never, 'element', (node: HastElement) => {
      const cls = node.properties?.className;
      const classes = Array.isArray(cls) ? cls : typeof cls === 'string' ? cls.split(' ') : [];
      if (classes.includes('katex-display')) {
        node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: 'equation' };
      }
    });
  };
}
