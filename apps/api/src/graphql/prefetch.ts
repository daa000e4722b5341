import { GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * List-level resolution. A list resolver that has read, in one batch, what a field of each of its
 * rows resolves to attaches it with `prefetched`; each row's field then answers with it, and its
 * own resolver does not run for that row. Nest's per-field pipeline (guard, parameter factories,
 * a loader call) cost about 33 µs a field: 1.7 ms of API CPU on a members page of 50 for
 * `workplace` alone (docs/PERFORMANCE.md, round 2).
 *
 * Only a list resolver whose own guard checked the same capability, in the same local, as the
 * field's guard may prefetch, and only through the same scoped loader the field uses: a
 * prefetched answer must be exactly the one the field would have given. The key is a symbol
 * that no request can spell, on objects the resolvers make for this request alone.
 */
const PREFETCHED = Symbol('juntos.prefetched');

type Holder = { [PREFETCHED]?: Map<string, unknown> };

/** Gives `row`'s field `field` its answer ahead of time; `value` may be a promise. */
export function prefetched<T extends object>(row: T, field: string, value: unknown): T {
  const holder = row as T & Holder;
  (holder[PREFETCHED] ??= new Map()).set(field, value);
  return row;
}

/**
 * Makes every field with a resolver and no arguments answer a prefetched value when its parent
 * carries one. Fields with arguments are left alone: their answer depends on the request.
 */
export function answerPrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length) continue;
      const name = field.name;
      field.resolve = (source, args, context, info) => {
        const values = (source as Holder | null | undefined)?.[PREFETCHED];
        return values?.has(name) ? values.get(name) : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
