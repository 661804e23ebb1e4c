/**
 * The instructor's list of seeds, as typed: numbers and ranges separated by commas or spaces ("1-30, 42 57").
 * Every value is checked against the student seed's range; what could not be used is reported, never thrown.
 */
import { studentSeedSpec } from './student-seed';

const SEED_MIN = studentSeedSpec.min;
const SEED_MAX = studentSeedSpec.max;
export const MAX_SEEDS = 500;

export function parseSeedList(text: string): { seeds: number[]; problems: string[] } {
  const seeds: number[] = [];
  const problems: string[] = [];
  const seen = new Set<number>();
  const add = (n: number) => {
    if (seen.has(n)) return;
    if (seeds.length >= MAX_SEEDS) {
      if (!problems.some((p) => p.startsWith('Only the first')))
        problems.push(`Only the first ${MAX_SEEDS} seeds are listed.`);
      return;
    }
    seen.add(n);
    seeds.push(n);
  };
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d+)(?:[-–](\d+))?$/.exec(token);
    if (!m) {
      problems.push(`“${token.slice(0, 20)}” is not a seed or a range such as 1-30: skipped.`);
      continue;
    }
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi < SEED_MIN || lo > SEED_MAX) {
      problems.push(`${token} is outside the seeds ${SEED_MIN}–${SEED_MAX}: skipped.`);
      continue;
    }
    if (lo < SEED_MIN || hi > SEED_MAX)
      problems.push(`${token} was cut to the seeds ${SEED_MIN}–${SEED_MAX}.`);
    for (let n = Math.max(lo, SEED_MIN); n <= Math.min(hi, SEED_MAX) && seeds.length <= MAX_SEEDS; n++)
      add(n);
  }
  return { seeds, problems };
}
