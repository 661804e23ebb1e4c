import { describe, expect, it } from 'vitest';
import { readStudentSeed, studentSeedSpec, writeStudentSeed } from './student-seed';
import { parseSeedList, MAX_SEEDS } from './seed-list';

describe('the student seed in the URL', () => {
  it('reads ?student=, clamps it to its range and says so', () => {
    expect(readStudentSeed('?student=42')).toEqual({ seed: 42, chosen: true, notice: undefined });
    expect(readStudentSeed('')).toMatchObject({ seed: studentSeedSpec.default, chosen: false });
    const big = readStudentSeed('?student=1e9');
    expect(big.seed).toBe(studentSeedSpec.max);
    expect(big.notice).toMatch(/above its maximum/);
    const junk = readStudentSeed('?student=abc');
    expect(junk.seed).toBe(studentSeedSpec.default);
    expect(junk.notice).toMatch(/not a number/);
    expect(readStudentSeed('?student=3.7')).toMatchObject({ seed: 4 });
  });

  it('writes the seed and keeps every other key', () => {
    expect(writeStudentSeed('?clip.eps=0.3', 7)).toBe('?clip.eps=0.3&student=7');
    expect(writeStudentSeed('?student=1&x=2', 9)).toBe('?student=9&x=2');
    expect(readStudentSeed(writeStudentSeed('', 123)).seed).toBe(123);
  });
});

describe('the answer sheet’s list of seeds', () => {
  it('reads numbers and ranges, drops duplicates, keeps the order', () => {
    expect(parseSeedList('3, 1-4  9;2')).toEqual({ seeds: [3, 1, 2, 4, 9], problems: [] });
    expect(parseSeedList('5-3').seeds).toEqual([3, 4, 5]);
  });
  it('reports what it could not use and never exceeds the limit', () => {
    const r = parseSeedList('x 0 1-2 99998-100002');
    expect(r.seeds).toEqual([1, 2, 99998, 99999]);
    expect(r.problems.join(' ')).toMatch(/“x” is not a seed/);
    expect(r.problems.join(' ')).toMatch(/0 is outside/);
    expect(r.problems.join(' ')).toMatch(/cut to the seeds/);
    const many = parseSeedList('1-100000');
    expect(many.seeds.length).toBe(MAX_SEEDS);
    expect(many.problems.some((p) => p.startsWith('Only the first'))).toBe(true);
  });
});
