import { describe, expect, it } from 'vitest';
import { chapterHref, parseRoute } from './router';

describe('parseRoute', () => {
  it('parses home, chapters, sections and widgets', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#/')).toEqual({ kind: 'home' });
    expect(parseRoute('#/ppo')).toEqual({ kind: 'chapter', slug: 'ppo', section: null });
    expect(parseRoute('#/ppo/the-clipped-objective')).toEqual({
      kind: 'chapter',
      slug: 'ppo',
      section: 'the-clipped-objective',
    });
    expect(parseRoute('#/widget/ClipExplorer')).toEqual({ kind: 'widget', name: 'ClipExplorer' });
    expect(parseRoute('#/print')).toEqual({ kind: 'print' });
    expect(parseRoute('#/print/')).toEqual({ kind: 'print' });
  });
  it('parses the class sweep pages', () => {
    expect(parseRoute('#/sweep')).toEqual({ kind: 'sweep', cell: false });
    expect(parseRoute('#/sweep/cell')).toEqual({ kind: 'sweep', cell: true });
  });
  it('round-trips section ids through chapterHref, including odd characters', () => {
    const href = chapterHref('gae', 'λ-and-bias/variance');
    expect(parseRoute(href)).toEqual({ kind: 'chapter', slug: 'gae', section: 'λ-and-bias/variance' });
  });
  it('does not throw on malformed escapes', () => {
    expect(parseRoute('#/%E0%A4%A')).toEqual({ kind: 'chapter', slug: '%E0%A4%A', section: null });
  });
});
