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
  it('parses the lesson editor and lesson links with a scene number', () => {
    expect(parseRoute('#/lessons')).toEqual({ kind: 'lessons' });
    expect(parseRoute('#/lesson/1.abc_-')).toEqual({ kind: 'lesson', code: '1.abc_-', scene: 1 });
    expect(parseRoute('#/lesson/1.abc/3')).toEqual({ kind: 'lesson', code: '1.abc', scene: 3 });
    expect(parseRoute('#/lesson/1.abc/zero')).toEqual({ kind: 'lesson', code: '1.abc', scene: 1 });
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
