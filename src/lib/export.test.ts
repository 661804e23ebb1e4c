import { describe, expect, it } from 'vitest';
import { toCSV } from './export';

describe('toCSV', () => {
  it('writes a header from the union of keys and quotes what needs quoting', () => {
    expect(
      toCSV([
        { a: 1, b: 'x,y' },
        { a: 2, c: 'say "hi"' },
      ]),
    ).toBe('a,b,c\n1,"x,y",\n2,,"say ""hi"""\n');
  });
});
