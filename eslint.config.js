// One linter for the whole workspace (CONTRIBUTING.md), run by `npm test` with zero warnings.
// Type-aware rules read each package's own tsconfig through typescript-eslint's project service;
// React hooks and JSX accessibility rules apply to the site's islands, the Astro plugin (with its
// jsx-a11y rules) to its pages and components.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The Astro plugin registers jsx-a11y itself; the islands must use that same plugin object.
const jsxA11yPlugin = astro.configs['flat/jsx-a11y-recommended'].find((c) => c.plugins?.['jsx-a11y']).plugins[
  'jsx-a11y'
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.astro/**',
      '.tools/**',
      '.data/**',
      'cms/.strapi/**',
      'cms/types/generated/**',
      'cms/public/**',
      'tests/test-results/**',
      'tests/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['site/vitest.config.ts', 'shared/vitest.config.ts', 'search-indexer/vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An `async` function without `await` is kept on purpose where a caller expects a promise
      // (Strapi's lifecycles, route handlers); dropping `async` would turn a rejection into a throw.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Strapi 5 types its Document Service results, koa's ctx and plugin services as `any` (and the
    // cms compiles with strict off, as Strapi's template does); tests (tests/ and every *.test.ts)
    // and scripts read JSON answers. The no-unsafe-* rules would flag the framework and every
    // response body there, not our mistakes; the boundaries that matter are checked with zod.
    files: ['cms/**/*.ts', 'cms/**/*.tsx', 'tests/**/*.ts', 'scripts/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['cms/src/**/*.test.ts', 'cms/vitest.config.mts'],
    languageOptions: { parserOptions: { projectService: false, project: './cms/tsconfig.test.json' } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['site/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['site/src/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11yPlugin },
    rules: jsxA11y.flatConfigs.recommended.rules,
    languageOptions: { globals: { ...globals.browser } },
  },
  ...astro.configs['flat/recommended'],
  ...astro.configs['flat/jsx-a11y-recommended'],
  {
    // astro-eslint-parser has no project service; it finds site/tsconfig.json itself.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
  },
);
