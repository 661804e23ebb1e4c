/**
 * Assignment links as the widget kit renders them: inside a widget frame whose link hides and locks ids, a hidden
 * control or readout is not in the markup at all, a locked control is disabled and described; and a chart with a
 * prediction leaves the real curve out of its table until it is revealed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { defineParams, num } from '@/lib/url-params';
import { FrameRegistry, WidgetFrameContext } from '@/lib/widget-frame';
import { ParamControls } from './ParamControls';
import { Readout } from './Readout';

const specs = defineParams({
  eps: num({ min: 0, max: 1, step: 0.1, default: 0.2, label: 'epsilon' }),
  r: num({ min: 0, max: 2, step: 0.1, default: 1, label: 'ratio' }),
});
const values = { eps: 0.5, r: 1 };

function renderIn(search: string) {
  (globalThis as { window?: unknown }).window = { location: { search } };
  const frame = new FrameRegistry();
  frame.registerParams('w', specs);
  const html = renderToStaticMarkup(
    <WidgetFrameContext.Provider value={frame}>
      <ParamControls specs={specs} values={values} set={() => undefined} />
      <Readout label="answer" value={0.125} testId="w-answer" />
      <Readout label="other" value={2} testId="w-other" />
    </WidgetFrameContext.Provider>,
  );
  return { html, frame };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('assignment links in the widget kit', () => {
  it('renders everything without a link', () => {
    const { html } = renderIn('');
    expect(html).toContain('ratio');
    expect(html).toContain('w-answer');
    expect(html).not.toContain('disabled');
  });

  it('leaves hidden controls and readouts out of the markup and disables locked ones with a reason', () => {
    const { html, frame } = renderIn('?w.hide=r,w-answer&w.lock=eps');
    expect(html).not.toContain('ratio');
    expect(html).not.toContain('w-answer');
    expect(html).not.toContain('0.125');
    expect(html).toContain('w-other');
    expect(html).toMatch(/<input[^>]*disabled=""[^>]*aria-describedby="([^"]+)"/);
    const id = /aria-describedby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`id="${id}" class="visually-hidden">Locked by the assignment link`);
    // The readouts it hid are still known to the frame (so the builder and the check list them).
    expect([...frame.readouts.keys()]).toEqual(['w-answer', 'w-other']);
  });
});
