import {
  FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  SelectionSetNode,
} from 'graphql';

/**
 * Whether the request selects `name` directly on the field being resolved (through aliases,
 * fragments and inline fragments; a selection left out by @skip or @include is not selected).
 * A resolver asks it before doing work only one sub-field needs: a connection's totalCount.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const included = (node: Parameters<typeof getDirectiveValues>[1]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (!included(s)) return false;
      if (s.kind === 'Field') return s.name.value === name;
      if (s.kind === 'InlineFragment') return walk(s.selectionSet);
      // A named fragment is walked once, however often it is spread.
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return walk(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((f: FieldNode) => walk(f.selectionSet));
}
