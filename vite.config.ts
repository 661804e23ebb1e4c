/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { fileURLToPath } from 'node:url';
import { remarkNumbering, contentPlugin } from './scripts/vite-plugins/numbering.ts';
import { searchIndexPlugin } from './scripts/vite-plugins/search-index.ts';
import { rehypeKatexHtml } from './scripts/vite-plugins/rehype-katex-html.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). Everything is same-origin.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset paths + hash routing: dist/ works from any host and subpath.
  base: './',
  plugins: [
    {
      enforce: 'pre',
      ...mdx({
        providerImportSource: '@mdx-js/react',
        remarkPlugins: [remarkGfm, remarkMath, remarkNumbering],
        // Math is typeset at build time and shipped as HTML strings; a bad formula renders as .katex-error
        // (caught by the e2e tests).
        rehypePlugins: [rehypeSlug, rehypeKatexHtml],
      }),
    },
    react({ include: /\.(mdx|tsx?|jsx?)$/ }),
    contentPlugin(root),
    searchIndexPlugin(root),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@content': fileURLToPath(new URL('./content', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    // Rolldown's per-plugin timing report is a profiling aid, not a problem: keep `npm start` quiet.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'content/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // One copy of tfjs-core in the tests, as in the browser: its ES modules (src/nn/tf.ts registers the gradients
    // from dist/), not the CommonJS bundle that Node would pick, with the backends transformed to import the same.
    alias: [
      {
        find: /^@tensorflow\/tfjs-core$/,
        replacement: fileURLToPath(
          new URL('./node_modules/@tensorflow/tfjs-core/dist/index.js', import.meta.url),
        ),
      },
    ],
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
