import { beforeEach, describe, expect, it } from 'vitest';
import { loadProgress, recordAttempt } from './exercise-progress';

/** A Map-backed localStorage (the unit tests run in Node). */
function fakeStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = fakeStorage();
});

describe('exercise progress', () => {
  it('counts attempts per seed and exercise; solved stays solved', () => {
    expect(loadProgress(7, 'ex-a')).toEqual({ attempts: 0, solved: false, last: '' });
    recordAttempt(7, 'ex-a', '0.1', false);
    recordAttempt(7, 'ex-a', '0.52', true);
    recordAttempt(7, 'ex-a', '9', false);
    expect(loadProgress(7, 'ex-a')).toEqual({ attempts: 3, solved: true, last: '9' });
    expect(loadProgress(8, 'ex-a').attempts).toBe(0);
    expect(loadProgress(7, 'ex-b').attempts).toBe(0);
  });

  it('ignores damaged storage instead of throwing, and starts again from it', () => {
    localStorage.setItem('proximal.checked-exercises.v1', '{not json');
    expect(loadProgress(1, 'ex-a').attempts).toBe(0);
    localStorage.setItem(
      'proximal.checked-exercises.v1',
      JSON.stringify({ 1: { 'ex-a': { attempts: 'x' } } }),
    );
    expect(loadProgress(1, 'ex-a').attempts).toBe(0);
    expect(recordAttempt(1, 'ex-a', '2', false).attempts).toBe(1);
  });

  it('survives a storage that refuses to write', () => {
    const s = fakeStorage();
    s.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    (globalThis as { localStorage?: unknown }).localStorage = s;
    expect(recordAttempt(1, 'ex-a', '2', true)).toEqual({ attempts: 1, solved: true, last: '2' });
  });
});
