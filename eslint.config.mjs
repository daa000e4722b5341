// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import requireAuthorize from './tools/eslint-rules/require-authorize.mjs';
import scopeFromAccess from './tools/eslint-rules/scope-from-access.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'jest.config.js'] },
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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'EntityManager', 'Repository', 'getRepository', 'QueryRunner'],
              message:
                'Query the database from a *.repository.ts (or libs/db), never from a service or resolver.',
            },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectRepository', 'InjectDataSource', 'InjectEntityManager'],
              message:
                'Query the database from a *.repository.ts (or libs/db), never from a service or resolver.',
            },
          ],
        },
      ],
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
  {
    files: ['tools/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
