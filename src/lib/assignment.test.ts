import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAssignment, MAX_IDS, readAssignment, writeAssignment } from './assignment';

const ids = { controls: ['eps', 'seed'], readouts: ['clip-value', 'clip-grad'] };

describe('assignment links', () => {
  it('reads hide and lock lists scoped to the widget id', () => {
    const { assignment, notices } = readAssignment(
      'clip',
      '?clip.hide=clip-value,eps&clip.lock=seed&other.hide=x',
    );
    expect(assignment).toEqual({ hide: ['clip-value', 'eps'], lock: ['seed'] });
    expect(notices).toEqual([]);
    expect(checkAssignment('clip', assignment, ids)).toEqual([]);
  });

  it('reports unknown ids with the ids the widget has', () => {
    const { assignment } = readAssignment('clip', '?clip.hide=answer&clip.lock=epsilon');
    const n = checkAssignment('clip', assignment, ids);
    expect(n).toHaveLength(2);
    expect(n[0]).toContain('“answer”');
    expect(n[0]).toContain('controls: eps, seed');
    expect(n[1]).toContain('“epsilon”');
  });

  it('refuses malformed ids and locks on readouts, and a hidden id is not also locked', () => {
    const r = readAssignment('clip', '?clip.hide=<script>,eps&clip.lock=eps,clip-value');
    expect(r.assignment).toEqual({ hide: ['eps'], lock: ['clip-value'] });
    expect(r.notices[0]).toContain('not a control or readout id');
    expect(checkAssignment('clip', r.assignment, ids)[0]).toContain('cannot be locked');
  });

  it('caps the number of ids', () => {
    const many = Array.from({ length: MAX_IDS + 5 }, (_, i) => `a${i}`).join(',');
    const r = readAssignment('w', `?w.hide=${many}`);
    expect(r.assignment.hide).toHaveLength(MAX_IDS);
    expect(r.notices.some((n) => n.includes('more than'))).toBe(true);
  });

  it('round-trips through writeAssignment and keeps other keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 6 }),
        fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z0-9]{0,8}$/), { maxLength: 6 }),
        (hide, lock) => {
          const s = writeAssignment('w', { hide, lock }, '?w.eps=0.5&x.hide=y');
          const q = new URLSearchParams(s);
          expect(q.get('w.eps')).toBe('0.5');
          expect(q.get('x.hide')).toBe('y');
          expect(readAssignment('w', s)).toEqual({ assignment: { hide, lock }, notices: [] });
        },
      ),
    );
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, search) => {
        const r = readAssignment(id, search);
        expect(r.assignment.hide.length).toBeLessThanOrEqual(MAX_IDS);
      }),
    );
  });
});
