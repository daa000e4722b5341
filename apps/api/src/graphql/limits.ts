import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Env } from '../config/env';
import { queryCostPlugin } from './query-cost';

/**
 * graphql-armor for depth, aliases, directives and tokens, plus our list-aware cost limit. Each bound is configurable (README: Configuration).
 */
export function graphqlLimits(env: Env) {
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: env.GRAPHQL_MAX_DIRECTIVES },
    // Tokens are counted by graphql-js itself (parseOptions below): armor's parser-in-a-plugin
    // can only fail as a 500.
    maxTokens: { enabled: false },
    // armor's cost rule does not read `first`; queryCostPlugin does.
    costLimit: { enabled: false },
    // formatError drops "Did you mean" in production itself, with a cleaner message.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, queryCostPlugin(env.GRAPHQL_MAX_COST)],
  };
}
