import {
  FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  SelectionSetNode,
} from 'graphql';

/** The fields named `name` directly under `parents` (through aliases, fragments and inline fragments). */
function childFields(info: GraphQLResolveInfo, parents: readonly FieldNode[], name: string): FieldNode[] {
  const included = (node: Parameters<typeof getDirectiveValues>[1]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      // A selection left out by @skip or @include is not selected.
      if (!included(s)) continue;
      if (s.kind === 'Field') {
        if (s.name.value === name) found.push(s);
      } else if (s.kind === 'InlineFragment') walk(s.selectionSet);
      // A named fragment is walked once, however often it is spread.
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const f of parents) walk(f.selectionSet);
  return found;
}

/**
 * Whether the request selects the field at `path` below the field being resolved, such as
 * `['nodes', 'workplace']` under a connection. A resolver asks it before doing work only that
 * sub-field needs: a connection's totalCount, or a list-level read of its rows' workplaces.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    fields = childFields(info, fields, name);
    if (!fields.length) return false;
  }
  return true;
}

/** Whether the request selects `name` directly on the field being resolved. */
export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => selectsPath(info, [name]);
