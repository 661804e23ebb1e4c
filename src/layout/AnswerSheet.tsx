/**
 * `#/answers`: the instructor's answer sheet. For a list of seeds (the numbers given to students) and one chapter or
 * the whole book, one table per chapter: a row per seed, a column per checked exercise, each cell the exact answer
 * of that student's instance (computed here by the same definitions the exercises check against). Printable; the
 * settings stay in the link; the tables export as CSV.
 */
import { useMemo } from 'react';
import refs from 'virtual:numbering';
import { chapters } from '@content/chapters';
import { exercisesOfChapter, formatAnswer, instanceOf, type ExerciseDef } from '@/exercises';
import { downloadCSV, type Row } from '@/lib/export';
import { parseSeedList } from '@/lib/seed-list';
import { defineParams, oneOf, str, useUrlParams } from '@/lib/url-state';
import { chapterHref } from './router';

const CHAPTER_CHOICES = ['all', ...chapters.map((c) => String(c.number))] as const;

const params = defineParams({
  seeds: { ...str('1-10', 400, /[0-9,;\s\-–]/), label: 'seeds' },
  chapter: oneOf(CHAPTER_CHOICES, 'all', { label: 'chapter' }),
});

const numberOf = (def: ExerciseDef) => refs[def.id]?.number ?? def.id;

export default function AnswerSheet() {
  const [p, set] = useUrlParams('answers', params);
  const { seeds, problems } = useMemo(() => parseSeedList(p.seeds), [p.seeds]);
  const shown = chapters.filter(
    (c) => (p.chapter === 'all' || String(c.number) === p.chapter) && exercisesOfChapter(c.number).length > 0,
  );
  const tables = useMemo(
    () =>
      shown.map((c) => {
        const defs = exercisesOfChapter(c.number);
        const rows = seeds.map((seed) => ({
          seed,
          answers: defs.map((def) => def.answer(instanceOf(def, seed))),
        }));
        return { chapter: c, defs, rows };
      }),
    // `shown` follows p.chapter; seeds follow p.seeds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.chapter, seeds],
  );

  const exportCsv = () => {
    const out: Row[] = [];
    for (const t of tables)
      for (const r of t.rows)
        t.defs.forEach((def, i) =>
          out.push({
            seed: r.seed,
            exercise: numberOf(def),
            id: def.id,
            asked: def.askedText,
            answer: r.answers[i],
          }),
        );
    downloadCSV('proximal-answer-sheet.csv', out);
  };

  return (
    <div className="answer-sheet">
      <h1>Answer sheet: checked exercises</h1>
      <p className="lede">
        Each student types the seed you give them once; every checked exercise then draws its numbers from it.
        List the seeds of your class to see every student’s answers (one significant figure more than the
        exercises ask for). Students’ answers are accepted within one unit of the last asked-for figure.
      </p>
      <form className="answer-sheet-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          Seeds{' '}
          <input
            type="text"
            value={p.seeds}
            onChange={(e) => set({ seeds: e.target.value })}
            aria-describedby="answer-seeds-help"
            data-testid="answer-seeds"
          />
        </label>
        <span id="answer-seeds-help" className="hint">
          numbers and ranges, e.g. “1-30, 42”
        </span>
        <label>
          Chapter{' '}
          <select
            value={p.chapter}
            onChange={(e) => set({ chapter: e.target.value as (typeof CHAPTER_CHOICES)[number] })}
            data-testid="answer-chapter"
          >
            {CHAPTER_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c === 'all' ? 'the whole book' : `chapter ${c}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="btn" onClick={exportCsv} disabled={seeds.length === 0}>
          Export CSV
        </button>
      </form>
      {problems.length > 0 && (
        <ul className="answer-sheet-problems" role="status">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {seeds.length === 0 && <p role="status">Type at least one seed.</p>}
      {seeds.length > 0 &&
        tables.map(({ chapter, defs, rows }) => (
          <section key={chapter.number} className="answer-sheet-chapter">
            <h2>
              <a href={chapterHref(chapter.slug)}>
                {chapter.number}. {chapter.title}
              </a>
            </h2>
            <div
              className="table-scroll"
              tabIndex={0}
              role="group"
              aria-label={`Answers, chapter ${chapter.number}`}
            >
              <table className="answer-table">
                <caption>
                  Answers to the checked exercises of chapter {chapter.number} for {seeds.length} seed
                  {seeds.length === 1 ? '' : 's'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Seed</th>
                    {defs.map((def) => (
                      <th scope="col" key={def.id}>
                        <a href={chapterHref(chapter.slug, def.id)}>Ex. {numberOf(def)}</a>
                        <br />
                        <span className="answer-asked">{def.askedText}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.seed}>
                      <th scope="row">{r.seed}</th>
                      {r.answers.map((a, i) => (
                        <td key={defs[i].id} data-testid={`answer-${defs[i].id}-${r.seed}`} data-value={a}>
                          {formatAnswer(a, defs[i].tolerance)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </div>
  );
}
