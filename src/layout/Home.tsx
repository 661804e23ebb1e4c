/** The front page: what the book is, and the table of contents with summaries. */
import { chapters } from '@content/chapters';
import { chapterHref } from './router';

export function Home() {
  return (
    <div className="home">
      <h1>Proximal</h1>
      <p className="lede">
        A live textbook of policy optimization. Every identity in a derivation can be evaluated on a small
        Markov decision process, every bound can be watched holding, and small agents learn in your browser
        while you read.
      </p>
      <ol className="chapter-cards">
        {chapters.map((c) => (
          <li key={c.slug} className={`chapter-card ${c.status}`}>
            {c.status === 'ready' ? (
              <a href={chapterHref(c.slug)}>
                <span className="toc-number">{c.number}.</span> {c.title}
              </a>
            ) : (
              <span>
                <span className="toc-number">{c.number}.</span> {c.title}{' '}
                <span className="badge">coming</span>
              </span>
            )}
            <p>{c.summary}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={chapterHref('notation')}>Notation</a>: every symbol of the book, what it means, and where it
        is defined.
      </p>
      <p>
        <a href="#/print">The whole book on one page</a>, for printing or saving as a PDF.
      </p>
      <p>
        For instructors: every chapter ends with checked exercises whose numbers come from each student’s
        seed; the <a href="#/answers">answer sheet</a> lists the answers for the seeds of your class.
      </p>
    </div>
  );
}
