import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { FormattedExecutionResult, GraphQLError, ValidationContext } from 'graphql';
import { ErrorCode, queryTooLarge } from '@juntos/common';
import { Env } from '../config/env';
import { queryCostPlugin } from './query-cost';

/**
 * Reports an armor rule's refusal as QUERY_TOO_LARGE, with armor's own message. (Left to itself,
 * armor reports BAD_USER_INPUT, which Apollo then turns into GRAPHQL_VALIDATION_FAILED.)
 */
const asLimit = {
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(queryTooLarge(err.message)),
  ],
};

/**
 * graphql-armor for depth, aliases, directives and tokens, graphql-query-complexity for the cost,
 * and a cap on the answer's size. Each bound is configurable (README: Configuration).
 */
export function graphqlLimits(env: Env) {
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH, ...asLimit },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES, ...asLimit },
    maxDirectives: { n: env.GRAPHQL_MAX_DIRECTIVES, ...asLimit },
    // Tokens are counted by graphql-js itself (parseOptions below): armor's parser-in-a-plugin
    // can only fail as a 500. formatError reads that parse failure as QUERY_TOO_LARGE.
    maxTokens: { enabled: false },
    // armor's cost rule does not read `first`; queryCostPlugin does.
    costLimit: { enabled: false },
    // formatError drops "Did you mean" in production itself, with a cleaner message.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const size = responseSize(env.GRAPHQL_MAX_RESPONSE_BYTES);
  return {
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    // The size plugin must come before requestTransactionPlugin (app.module lists these first).
    plugins: [...armor.plugins, queryCostPlugin(env.GRAPHQL_MAX_COST), size.plugin],
    stringifyResult: size.stringifyResult,
  };
}

/**
 * Refuses an answer longer than `maxBytes` of JSON, with QUERY_TOO_LARGE instead of the body.
 * The answer is serialized once: the text measured here is the text Apollo sends.
 */
export function responseSize(maxBytes: number) {
  // The measured text, by the answer's data object (Apollo copies the result object itself).
  const measured = new WeakMap<object, { result: FormattedExecutionResult; json: string }>();

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        // No await in here on purpose: Apollo starts each plugin's willSendResponse in order, so
        // an oversize answer is replaced before requestTransactionPlugin reads it. An answer
        // without data is then rolled back: a refused mutation keeps nothing.
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // Apollo's field order, so the text can be sent as it is.
          const json = JSON.stringify({
            errors: result.errors,
            data: result.data,
            extensions: result.extensions,
          });
          const bytes = Buffer.byteLength(json);
          if (bytes <= maxBytes) {
            if (result.data) measured.set(result.data, { result, json });
            return;
          }
          response.http.status = 400;
          response.body.singleResult = {
            errors: [
              {
                message: `The answer would be ${bytes} bytes, over the limit of ${maxBytes}: ask for fewer or smaller lists.`,
                // Set after formatError has run: the code is written here as it is sent.
                extensions: { code: 'QUERY_TOO_LARGE' satisfies ErrorCode },
              },
            ],
          };
        },
      };
    },
  };

  const stringifyResult = (value: FormattedExecutionResult): string => {
    const hit = value.data ? measured.get(value.data) : undefined;
    if (hit && hit.result.errors === value.errors && hit.result.extensions === value.extensions)
      return hit.json + '\n';
    return JSON.stringify(value) + '\n';
  };

  return { plugin, stringifyResult };
}
