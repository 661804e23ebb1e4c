// ESLint flat config. Besides the usual rules it enforces the layering of CONTRIBUTING.md: each folder of src/
// may import only the layers below it (no-restricted-imports), so nobody has to remember the arrows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((g) => ({
          group: g.startsWith('@/') ? [g, g.replace('@/', '**/')] : [g],
          message: why,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  layer(
    ['src/rl/**'],
    [
      '@/lib/*',
      '@/exercises',
      '@/exercises/*',
      '@/nn/*',
      '@/worker/*',
      '@/stores/*',
      '@/widgets/*',
      '@/mdx/*',
      '@/layout/*',
      '@/spec',
      '@/spec/*',
      'react',
      'react-dom',
      '@tensorflow/*',
    ],
    'src/rl is pure float64 TypeScript: no React, no tfjs, no other layer.',
  ),
  layer(
    ['src/spec/**'],
    [
      '@/lib/*',
      '@/nn',
      '@/nn/*',
      '@/worker/*',
      '@/stores/*',
      '@/widgets/*',
      '@/mdx/*',
      '@/layout/*',
      'react',
      'react-dom',
      '@tensorflow/*',
    ],
    'src/spec is the layer-neutral training spec: plain data and types; of ours it reads only src/rl modules (env specs).',
  ),
  layer(
    ['src/lib/**'],
    [
      '@/exercises',
      '@/exercises/*',
      '@/nn/*',
      '@/worker/*',
      '@/stores/*',
      '@/widgets/*',
      '@/mdx/*',
      '@/layout/*',
      '@tensorflow/*',
    ],
    'src/lib sits just above src/rl.',
  ),
  layer(
    ['src/exercises/**'],
    [
      '@/lib/*',
      '@/nn/*',
      '@/worker/*',
      '@/stores/*',
      '@/widgets/*',
      '@/mdx/*',
      '@/layout/*',
      'react',
      'react-dom',
      '@tensorflow/*',
    ],
    'src/exercises holds pure definitions over src/rl: no React, no other layer (the answer sheet and e2e import it).',
  ),
  layer(
    ['src/nn/**'],
    ['@/lib/*', '@/worker/*', '@/stores/*', '@/widgets/*', '@/mdx/*', '@/layout/*', 'react', 'react-dom'],
    'src/nn may import only src/spec and src/rl (and tfjs).',
  ),
  layer(
    ['src/worker/**'],
    ['@/stores/*', '@/widgets/*', '@/mdx/*', '@/layout/*', 'react', 'react-dom'],
    'src/worker may import src/spec, src/nn and src/rl only.',
  ),
  layer(
    ['src/stores/**'],
    [
      '@/nn/*',
      '@/worker/trainer.worker*',
      '@/worker/backends*',
      '@/widgets/*',
      '@/mdx/*',
      '@/layout/*',
      '@tensorflow/*',
    ],
    'stores talk to training only through @/worker/trainer-client and @/worker/protocol.',
  ),
  layer(
    ['src/widgets/**'],
    ['@/nn/*', '@/worker/trainer.worker*', '@/worker/backends*', '@/mdx/*', '@/layout/*', '@tensorflow/*'],
    'widgets talk to training only through @/worker/trainer-client and @/worker/protocol.',
  ),
  layer(
    ['src/mdx/**'],
    ['@/nn/*', '@/worker/*', '@/stores/*', '@/layout/*', '@tensorflow/*'],
    'src/mdx sits above widgets only.',
  ),
  layer(
    ['src/layout/**'],
    ['@/nn/*', '@/worker/*', '@tensorflow/*'],
    'the layout never loads training code.',
  ),
  layer(
    ['src/bench/**'],
    ['@/nn/*', '@/worker/trainer.worker*', '@/worker/backends*', '@/mdx/*', '@/layout/*', '@tensorflow/*'],
    'the benchmark page talks to training only through @/worker/trainer-client, like a widget.',
  ),
  layer(
    ['content/**'],
    ['@/nn/*', '@/worker/*', '@/stores/*', '@tensorflow/*'],
    'chapters use the components of src/mdx; widgets do the computing.',
  ),
);
