import { describe, expect, it } from 'vitest';
import { widgetPropsFromQuery } from './widget-props';

describe('widget props from a link', () => {
  it('passes plain data and parses numbers and booleans', () => {
    const { props, problems } = widgetPropsFromQuery(
      '?props.preset=ppo-cartpole&props.compact=true&props.k=3&x=1',
    );
    expect(props).toEqual({ preset: 'ppo-cartpole', compact: true, k: 3 });
    expect(problems).toEqual([]);
  });

  it('refuses callbacks, layout and React internals, and long or huge values, saying so', () => {
    const { props, problems } = widgetPropsFromQuery(
      `?props.onStore=1&props.height=100000000&props.children=x&props.k=1e12&props.s=${'a'.repeat(500)}`,
    );
    expect(props).toEqual({ k: 1e6 });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toContain('props.onStore');
  });
});
