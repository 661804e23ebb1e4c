import { createContext, useContext } from 'react';

/** The slug of the chapter being rendered, so anchors inside it can build `#/<slug>/<id>` links. */
export const ChapterContext = createContext<string>('');
export const useChapterSlug = () => useContext(ChapterContext);
