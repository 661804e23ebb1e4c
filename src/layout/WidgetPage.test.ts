import { describe, expect, it } from 'vitest';
import { declaredProps, looseProps, rawProps } from './WidgetPage';
import { propSpecs } from '@/widgets/TrainingPanel/props';

describe('widget props from the query string', () => {
  it('never lets a link set a callback or the frame name, and keeps values short', () => {
    const raw = rawProps(
      `?props.onStore=1&props.name=x&props.height=100000000&props.title=${'a'.repeat(500)}`,
    );
    expect(Object.keys(raw).sort()).toEqual(['height', 'title']);
    expect(raw.title).toHaveLength(200);
    expect(looseProps({ a: '3', b: 'true', c: 'x' })).toEqual({ a: 3, b: true, c: 'x' });
  });

  it('parses a declaring widget’s props with its table: clamped, reported, unknown ones dropped', () => {
    const { props, notices } = declaredProps(
      propSpecs,
      '?props.preset=nope&props.seed=-5&props.onStore=1&props.cfg=%7B%7D&props.backend=wasm&props.id=a%3Cb',
    );
    expect(props).toEqual({ preset: 'ppo-cartpole', seed: 0, backend: 'wasm', id: 'ab' });
    expect(notices.some((n) => n.startsWith('props.preset'))).toBe(true);
    expect(notices.some((n) => n.startsWith('props.seed'))).toBe(true);
    expect(notices.some((n) => n.startsWith('props.cfg is not a setting'))).toBe(true);
  });
});
