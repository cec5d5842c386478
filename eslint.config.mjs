// ESLint for the whole repository (issue 18): the recommended JavaScript and TypeScript rules,
// React's hook rules in the renderer, and the layering rule the renderer lives by — it talks to
// the workspace only through the contract, never to Electron or Node (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'worker_threads', 'http', 'https', 'net', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'test/fixtures/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Scripts that run inside the page under test (injected probes, page.evaluate bodies in .mjs).
    files: ['test/e2e/support/*.js', 'test/bench/*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the workspace through the contract (renderer/client.ts), never Electron.' },
            ...NODE_MODULES.map((name) => ({ name, message: 'The renderer runs in a browser: no Node modules.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the workspace through the contract (renderer/client.ts), never the main process code.',
            },
          ],
        },
      ],
    },
  },
);
