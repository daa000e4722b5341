import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents from the API's schema.gql: `npm run codegen` writes src/gql, and
 * `.ci/run` fails when what is committed is stale (`graphql-codegen --check`).
 */
const config: CodegenConfig = {
  schema: '../../schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
