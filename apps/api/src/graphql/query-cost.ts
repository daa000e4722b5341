import { ApolloServerPlugin } from '@apollo/server';
import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@juntos/common';

/**
 * The cost of an operation: every field resolved counts 1, times the number of parents it is
 * resolved for. A list field's `first` (a literal or a variable; a connection's default page when
 * absent) multiplies everything below it, so `members(first: 100) { … oneOnOnes(first: 100) … }`
 * costs about 100 × 100 per nested field, while a dashboard with a few short lists costs hundreds.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? selectionCost(operation.selectionSet, root, 1) : 0;

  function selectionCost(set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number): number {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        total += multiplier;
        const def =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
        if (!def || !sel.selectionSet) continue;
        const type = getNamedType(def.type);
        const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
        const size = firstArg
          ? sizeOf(firstArg.value)
          : type.name.endsWith('Connection')
            ? DEFAULT_PAGE_SIZE
            : 1;
        total += selectionCost(sel.selectionSet, type, multiplier * size);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += selectionCost(sel.selectionSet, type ?? parent, multiplier);
      } else {
        const fragment = fragments[sel.name.value];
        if (fragment)
          total += selectionCost(
            fragment.selectionSet,
            schema.getType(fragment.typeCondition.name.value) ?? parent,
            multiplier,
          );
      }
    }
    return total;
  }

  function sizeOf(value: ValueNode): number {
    const raw =
      value.kind === Kind.INT
        ? Number(value.value)
        : value.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : undefined;
    return typeof raw === 'number' && raw > 0 ? raw : DEFAULT_PAGE_SIZE;
  }
}

/** Refuses an operation over `maxCost` before any resolver runs. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions)
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(
              `This query would cost ${cost}, over the limit of ${maxCost}: ask for fewer or smaller lists.`,
              {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
