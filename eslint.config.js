// Lint rules, including the layering rules that keep each folder on its runtime. The import restrictions
// below are the architecture: do not relax them to make an import work — move the code to the right layer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

// Exact module names (paths) for the builtins: a pattern like "url" would also match "@shared/domain/url".
const noNodePaths = NODE_BUILTINS.map((name) => ({ name, message: 'This layer runs without Node.' }));
const noNode = [{ group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' }];
const noElectron = [
  { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/ may import Electron.' },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths,
          patterns: [
            ...noNode,
            ...noElectron,
            { group: ['react', 'react-dom', 'react/*', 'lexical', '@lexical/*'], message: 'shared/ is UI-free.' },
            {
              group: ['**/renderer/**', '**/electron/**', '**/server/**'],
              message: 'shared/ imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React-compiler-oriented rules flag patterns we use on purpose (external stores, portals).
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths,
          patterns: [
            ...noNode,
            ...noElectron,
            {
              group: ['**/electron/**', '**/server/**'],
              message: 'The renderer reaches the host only through platform/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom', 'lexical', '@lexical/*'],
              message: 'Main and preload never load renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noElectron,
            { group: ['**/renderer/**', '**/electron/**'], message: 'The server never imports app code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js}', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
