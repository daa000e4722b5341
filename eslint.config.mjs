// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import requireAuthorize from './tools/eslint-rules/require-authorize.mjs';
import scopeFromAccess from './tools/eslint-rules/scope-from-access.mjs';

// Only libs/db and *.repository.ts may touch the database directly (see DESIGN.md).
const DATABASE_ONLY_IN_REPOSITORIES = [
  {
    name: 'typeorm',
    importNames: ['DataSource', 'EntityManager', 'Repository', 'getRepository', 'QueryRunner'],
    message: 'Query the database from a *.repository.ts (or libs/db), never from a service or resolver.',
  },
  {
    name: '@nestjs/typeorm',
    importNames: ['InjectRepository', 'InjectDataSource', 'InjectEntityManager'],
    message: 'Query the database from a *.repository.ts (or libs/db), never from a service or resolver.',
  },
];

// Dependencies point one way (DESIGN.md, "Layout"): libs never import the app, the migrations
// folder or the app's tests; whoever needs those passes them in (e.g. runMigrations' list).
const LIBS_IMPORT_NO_APP = [
  {
    group: [
      '**/apps/**',
      'apps/**',
      '**/migrations',
      '**/migrations/**',
      '**/test/**',
      '@juntos/test-support',
    ],
    message: 'A lib never imports apps/, migrations/ or test/: take what it needs from the caller.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'jest.config.js',
      'apps/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: {
      juntos: { rules: { 'require-authorize': requireAuthorize, 'scope-from-access': scopeFromAccess } },
    },
    rules: {
      'juntos/require-authorize': 'error',
      'juntos/scope-from-access': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Only libs/db and *.repository.ts may touch the database directly (see DESIGN.md).
      'no-restricted-imports': ['error', { paths: DATABASE_ONLY_IN_REPOSITORIES }],
    },
  },
  {
    // Where direct database access is the point: the db library, repositories, migrations, and
    // the scripts and tests that check what is stored.
    files: [
      'libs/db/**/*.ts',
      '**/*.repository.ts',
      'migrations/**/*.ts',
      'scripts/**/*.ts',
      'test/**/*.ts',
      'libs/testing/**/*.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  // A later block replaces the rule's options, so each lib block restates what still applies.
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: DATABASE_ONLY_IN_REPOSITORIES, patterns: LIBS_IMPORT_NO_APP },
      ],
    },
  },
  {
    files: ['libs/db/**/*.ts', 'libs/testing/**/*.ts', 'libs/**/*.repository.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: LIBS_IMPORT_NO_APP }] },
  },
  {
    // libs/common is the bottom of the graph: it imports nothing internal.
    files: ['libs/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DATABASE_ONLY_IN_REPOSITORIES,
          patterns: [
            ...LIBS_IMPORT_NO_APP,
            { group: ['@juntos/*', '../../*/src/**'], message: 'libs/common imports nothing internal.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tools/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
