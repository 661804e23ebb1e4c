import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/global.css';
import { App } from './layout/App';
import { preloadChapter } from './layout/ChapterPage';
import { parseRoute } from './layout/router';

const route = parseRoute(window.location.hash);
if (route.kind === 'chapter') preloadChapter(route.slug);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
