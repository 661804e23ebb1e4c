/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { remarkNumbering, contentPlugin } from './scripts/vite-plugins/numbering.ts';
import { searchIndexPlugin } from './scripts/vite-plugins/search-index.ts';
import { rehypeKatexHtml } from './scripts/vite-plugins/rehype-katex-html.ts';
import { cspPlugin } from './scripts/vite-plugins/csp.ts';
import { previewsPlugin } from './scripts/vite-plugins/previews.ts';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

// No cross-origin isolation headers: the wasm backend runs single-threaded (src/worker/backends.ts says why), so
// nothing needs SharedArrayBuffer, and a static host cannot be relied on to send headers anyway.

// `vite build --mode bench` adds the training benchmark page (bench.html, src/bench/) for scripts/bench-train.mjs;
// the book readers get (`vite build`) does not contain it.
export default defineConfig(({ mode }) => ({
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
    previewsPlugin(root),
    cspPlugin(),
    // Offline and installable: a service worker precaches the whole book (every chapter, widget, the training
    // workers and their wasm binaries) on the first visit. It waits for the reader to accept an update
    // (src/layout/UpdateBanner.tsx); saved runs and agents live in IndexedDB, which an update never touches.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Proximal — a live textbook of policy optimization',
        short_name: 'Proximal',
        description: 'A live textbook of reinforcement learning, with widgets that compute.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#2f5d8a',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // KaTeX ships woff2, woff and ttf of each font; browsers that run service workers use woff2.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm,webmanifest}'],
        // The GPU backends' chunks are the largest files (a few MB): precache them too, so training works offline.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so a reader who loses the network right after
        // the first visit can still open other chapters. Updates still wait for the reader (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@content': fileURLToPath(new URL('./content', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    // Rolldown's per-plugin timing report is a profiling aid, not a problem: keep `npm start` quiet.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      ...(mode === 'bench' ? { input: { main: 'index.html', bench: 'bench.html' } } : {}),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'content/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // One module graph per worker, not per file: tfjs and the content compiler load once per worker instead of 114
    // times (the unit tier takes about a third of the time). Tests must not leak state between files; they pass in
    // shuffled orders (`npx vitest run --sequence.shuffle --sequence.seed=N`). Every core works: the default
    // leaves one idle, which on a 2-core machine halves the throughput.
    isolate: false,
    maxWorkers: availableParallelism(),
    setupFiles: ['src/test-setup.ts'],
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
}));
