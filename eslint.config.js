// `npm run lint`: ESLint (typescript-eslint) for correctness, Prettier (checked separately) for
// layout. The import direction between bot/ layers is also enforced here, beside the
// architecture test (test/architecture/layers.test.ts), so an editor shows it as you type.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layerRule = (patterns) => ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }];
const prisma = ['@prisma/*', 'prisma', 'prisma/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'bot/db/generated/**', 'coverage/**', 'dist/**', '.build-test-*/**', '.ci/out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The dashboard page's script runs in the browser, as a classic script (no bundler).
    files: ['bot/channels/dashboard/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly' },
    },
  },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'FunctionDeclaration[parent.type="Program"], ExportNamedDeclaration > FunctionDeclaration',
          message: 'Use `const name = (…) => …` (house style).',
        },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        [['**/bot/**', '**/locales/**', '**/prisma/**', 'node:*', ...prisma, 'grammy', 'i18next', 'pino'], 'core/ is pure: zod and core only.'],
      ]),
    },
  },
  {
    files: ['bot/app/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        [['**/channels/**', '**/db/**', '**/cli/**', ...prisma], 'Use cases work through bot/app/ports.ts, never a channel, Prisma or the CLI.'],
      ]),
    },
  },
  {
    files: ['bot/channels/**/*.ts'],
    rules: { 'no-restricted-imports': layerRule([[['**/db/**', '**/cli/**', ...prisma], 'Channels parse, call one use case and render; no database.']]) },
  },
  {
    files: ['bot/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        [['**/app/**', '**/channels/**', '**/db/**', '**/cli/**', ...prisma], 'bot/platform is used by the layers and uses none of them.'],
      ]),
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
