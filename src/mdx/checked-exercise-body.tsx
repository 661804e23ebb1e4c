/**
 * The inside of a checked exercise: the reader's seed, the statement with the instance's numbers (KaTeX at run time,
 * which is why this is its own chunk), the answer box (Enter checks), feedback in a live region, and the attempts
 * kept per seed in this browser.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import katex from 'katex';
import { checkAnswer, exerciseById, instanceOf, toleranceText, type Verdict } from '@/exercises';
import { loadProgress, recordAttempt, type ExerciseProgress } from '@/lib/exercise-progress';
import { setStudentSeed, studentSeedSpec, useStudentSeed } from '@/lib/student-seed';
import { MathHtml } from './MathHtml';

export default function CheckedExerciseBody({ id }: { id: string }) {
  const def = exerciseById(id);
  const { seed } = useStudentSeed();
  if (!def) return <p role="alert">No checked exercise is called “{id}”.</p>;
  // Keyed by seed: a new seed is a new instance, with its own attempts.
  return <Instance key={`${id}:${seed}`} id={id} seed={seed} />;
}

function Instance({ id, seed }: { id: string; seed: number }) {
  const def = exerciseById(id)!;
  const inst = useMemo(() => instanceOf(def, seed), [def, seed]);
  const statement = useMemo(() => renderTeX(def.statement(inst)), [def, inst]);
  const asked = useMemo(() => katexHtml(def.asked, false), [def]);
  const [progress, setProgress] = useState<ExerciseProgress>(() => loadProgress(seed, id));
  const [text, setText] = useState(progress.last);
  // After a reload the last answer is checked again (checking is deterministic), so its feedback comes back too.
  const [verdict, setVerdict] = useState<Verdict | null>(() =>
    progress.last ? checkAnswer(def, inst, progress.last) : null,
  );
  const uid = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = checkAnswer(def, inst, text);
    setVerdict(v);
    if (v.kind !== 'invalid') setProgress(recordAttempt(seed, id, text, v.kind === 'correct'));
  };

  return (
    <div className="checked-body">
      <SeedControl />
      <div className="checked-statement">{statement}</div>
      <form className="checked-form" onSubmit={submit} noValidate>
        <label htmlFor={`${uid}-answer`} className="checked-label">
          <span aria-hidden="true">
            <MathHtml html={asked} tex={def.asked} /> =
          </span>
          <span className="visually-hidden">Your answer for {def.askedText}</span>
        </label>
        <input
          id={`${uid}-answer`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${uid}-tol ${uid}-feedback`}
          aria-invalid={verdict?.kind === 'invalid' || undefined}
          data-testid={`${id}-input`}
        />
        <button type="submit" className="btn" data-testid={`${id}-check`}>
          Check
        </button>
      </form>
      <p id={`${uid}-tol`} className="checked-tolerance">
        {toleranceText(def.tolerance)} Decimals (0.25 or 0,25), powers of ten (2.5e-3) and fractions (1/4) are
        read.
      </p>
      <p
        id={`${uid}-feedback`}
        className={`checked-feedback ${verdict ? `is-${verdict.kind}` : ''}`}
        role="status"
        aria-live="polite"
        data-testid={`${id}-feedback`}
        data-verdict={verdict?.kind ?? ''}
      >
        {verdict && feedback(verdict)}
      </p>
      <p className="checked-progress" data-testid={`${id}-progress`} data-solved={progress.solved}>
        {progress.attempts === 0
          ? 'No attempt yet for this seed.'
          : `${progress.attempts} attempt${progress.attempts === 1 ? '' : 's'} for seed ${seed}${progress.solved ? ' · solved ✓' : ''}.`}
      </p>
    </div>
  );
}

function feedback(v: Verdict) {
  if (v.kind === 'invalid') return v.message;
  if (v.kind === 'correct') return `Correct: ${v.value} is right for your instance.`;
  return `Not yet: ${v.value} is not the answer. Hint: ${v.hint}`;
}

/** The seed every checked exercise uses; changing it here changes it for all of them (and in the link). */
function SeedControl() {
  const { seed, chosen } = useStudentSeed();
  const [draft, setDraft] = useState(String(seed));
  const [message, setMessage] = useState('');
  const uid = useId();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(draft.trim());
    if (!Number.isInteger(n)) {
      setMessage(`“${draft.trim().slice(0, 20)}” is not a whole number: your seed is still ${seed}.`);
      return;
    }
    const used = setStudentSeed(n);
    setDraft(String(used));
    setMessage(
      used === n ? '' : `Seeds run from ${studentSeedSpec.min} to ${studentSeedSpec.max}: using ${used}.`,
    );
  };
  return (
    <form className="checked-seed" onSubmit={apply}>
      <label htmlFor={`${uid}-seed`}>Your seed</label>
      <input
        id={`${uid}-seed`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-describedby={`${uid}-seed-note`}
        data-testid="student-seed-input"
      />
      <button type="submit" className="btn btn-small" data-testid="student-seed-set">
        Use this seed
      </button>
      <span
        id={`${uid}-seed-note`}
        className="checked-seed-note"
        data-testid="student-seed"
        data-value={seed}
      >
        {message ||
          (chosen
            ? `Seed ${seed}: every checked exercise of the book uses it, and the link keeps it.`
            : `Seed ${seed} is the default. Type the number your instructor gave you (any number from ${studentSeedSpec.min} to ${studentSeedSpec.max}) to get your own instance of every checked exercise.`)}
      </span>
    </form>
  );
}

function katexHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
}

/** Text with `$…$` (inline) and `$$…$$` (display) TeX, as React nodes. */
function renderTeX(text: string) {
  const parts = text.split(/(\$\$[\s\S]+?\$\$|\$[^$]+\$)/);
  return (
    <p>
      {parts.map((p, i) => {
        if (p.startsWith('$$')) {
          const tex = p.slice(2, -2);
          return <MathHtml key={i} html={katexHtml(tex, true)} tex={tex} display />;
        }
        if (p.startsWith('$') && p.length > 1) {
          const tex = p.slice(1, -1);
          return <MathHtml key={i} html={katexHtml(tex, false)} tex={tex} />;
        }
        return <span key={i}>{p}</span>;
      })}
    </p>
  );
}
