import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * The field walk: queries generated from the served schema, reaching every object type through
 * every path up to a bounded number of hops, and the rule that checks their answers: a nested
 * record never shows more than the root query for it would (PERMISSIONS.md).
 *
 * - A type with a root-by-id query (a Query field whose only argument is `id: ID!`) is a
 *   "root type": each record of it in any answer must be one that query returns to the same
 *   viewer, and its scalars must not show what that query does not.
 * - A type with an `id` that a root type lists (Workplace.units, Member.oneOnOnes…) is "owned":
 *   each record of it must be listed by a root query, or by a root-visible owner.
 * - Connections (objects without an `id` that have `nodes`) are transparent.
 */

export interface Node {
  name: string;
  args: string;
  /** Named type of the field. */
  type: string;
  /** null for a leaf (scalar or enum). */
  children: Node[] | null;
}

export interface WalkError {
  viewer: string;
  path: string;
  code: string;
  message: string;
}

export interface Occurrence {
  viewer: string;
  /** Root call with labelled arguments, then field names: `petition(id: own.unassigned.petition).workplace`. */
  path: string;
  type: string;
  id: string;
  scalars: Record<string, unknown>;
  /**
   * The object directly above it (through connections): null at the top of a root field,
   * undefined under an object without an id.
   */
  parent: { type: string; id: string } | null | undefined;
}

export type Exec = (
  token: string | null,
  query: string,
) => Promise<{ data: Record<string, unknown> | null | undefined; errors?: RawError[] }>;
interface RawError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface WalkOptions {
  /** Object-typed fields on one path, not counting a connection's `nodes`. */
  maxHops: number;
  /** The `first` of a root list: more than the world holds of any record. */
  first: number;
  /** The `first` of a nested list: small, since the cost limit multiplies through nesting. */
  nestedFirst: number;
  /** The server's cost estimate of a query, to send only pieces under `budget`. */
  cost?: (query: string) => number;
  budget?: number;
}

const isConnection = (t: GraphQLNamedType): boolean =>
  isObjectType(t) && !t.getFields().id && !!t.getFields().nodes;

export class FieldWalk {
  /** Query field name per root type, e.g. Workplace → workplace. */
  readonly rootById = new Map<string, string>();
  /** Types with an id listed by a root type's field. */
  readonly ownedTypes = new Set<string>();
  /** Fields that could not be walked (a required argument the walk cannot fill), with the reason. */
  readonly gaps: string[] = [];
  readonly occurrences: Occurrence[] = [];
  readonly errors: WalkError[] = [];
  /** Every distinct field path generated (Type.field chains from Query), for coverage checks. */
  readonly generatedPaths = new Set<string>();
  queries = 0;
  /** Paths no query under the cost limit can reach. */
  readonly overLimit = new Set<string>();
  /** Requests refused whole (a limit) and walked in pieces. */
  readonly splits: string[] = [];
  private readonly tokens = new Map<string, string | null>();
  private readonly rootViews = new Map<string, Promise<Record<string, unknown> | null>>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly exec: Exec,
    private readonly opts: WalkOptions,
    /** Readable names for ids, used in reports. */
    private readonly labels: Map<string, string>,
  ) {
    const query = schema.getQueryType()!;
    for (const f of Object.values(query.getFields())) {
      const t = getNamedType(f.type);
      if (isObjectType(t) && f.args.length === 1 && f.args[0].name === 'id' && isNonNullType(f.args[0].type))
        this.rootById.set(t.name, f.name);
    }
    for (const typeName of this.rootById.keys()) {
      const t = schema.getType(typeName) as GraphQLObjectType;
      for (const f of Object.values(t.getFields())) {
        let target = getNamedType(f.type);
        if (isConnection(target)) target = getNamedType((target as GraphQLObjectType).getFields().nodes.type);
        if (isObjectType(target) && target.getFields().id && !this.rootById.has(target.name))
          this.ownedTypes.add(target.name);
      }
    }
  }

  label = (id: string) => this.labels.get(id) ?? id;

  /** Object types reachable from Query (through fields without unfillable arguments). */
  reachableTypes(): Set<string> {
    const seen = new Set<string>();
    const visit = (t: GraphQLNamedType) => {
      if (!isObjectType(t) || seen.has(t.name)) return;
      seen.add(t.name);
      for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
    };
    for (const f of Object.values(this.schema.getQueryType()!.getFields())) visit(getNamedType(f.type));
    return seen;
  }

  /** Query fields that return an object, each with the argument sets to call it with. */
  roots(values: {
    localIds: string[];
    idsOf: (type: string) => string[];
  }): { field: string; args: string }[] {
    const out: { field: string; args: string }[] = [];
    for (const f of Object.values(this.schema.getQueryType()!.getFields())) {
      if (!isObjectType(getNamedType(f.type))) continue;
      let sets: string[][] = [[]];
      for (const a of f.args) {
        const required = isNonNullType(a.type) && a.defaultValue === undefined;
        let choices: string[] | null;
        if (a.name === 'first') choices = [`first: ${this.opts.first}`];
        else if (a.name === 'localId' && required) choices = values.localIds.map((l) => `localId: "${l}"`);
        else if (a.name === 'id' && required)
          choices = values.idsOf(getNamedType(f.type).name).map((id) => `id: "${id}"`);
        else if (!required) continue;
        else choices = null;
        if (!choices) {
          this.gaps.push(`Query.${f.name}: required argument ${a.name} the walk cannot fill`);
          sets = [];
          break;
        }
        sets = sets.flatMap((s) => choices!.map((c) => [...s, c]));
      }
      for (const s of sets) out.push({ field: f.name, args: s.join(', ') });
    }
    return out;
  }

  /** The full selection of a field, down to maxHops, never using the same Type.field twice on a path. */
  tree(
    parent: GraphQLObjectType,
    f: GraphQLField<unknown, unknown>,
    args: string,
    hops = 0,
    used = new Set<string>(),
    trail = 'Query',
  ): Node {
    const named = getNamedType(f.type);
    const path = `${trail}.${f.name}`;
    this.generatedPaths.add(path);
    if (isLeafType(named)) return { name: f.name, args, type: named.name, children: null };
    const t = named as GraphQLObjectType;
    const hop = f.name === 'nodes' && isConnection(parent) ? hops : hops + 1;
    const children: Node[] = [{ name: '__typename', args: '', type: 'String', children: null }];
    for (const g of Object.values(t.getFields())) {
      const key = `${t.name}.${g.name}`;
      const gArgs = this.fieldArgs(t, g);
      if (gArgs === null) continue;
      const target = getNamedType(g.type);
      if (isLeafType(target)) {
        children.push({ name: g.name, args: gArgs, type: target.name, children: null });
        continue;
      }
      const nextHop = g.name === 'nodes' && isConnection(t) ? hop : hop + 1;
      if (nextHop > this.opts.maxHops || used.has(key)) continue;
      children.push(this.tree(t, g, gArgs, hop, new Set([...used, key]), path));
    }
    return { name: f.name, args, type: t.name, children };
  }

  private fieldArgs(t: GraphQLObjectType, g: GraphQLField<unknown, unknown>): string | null {
    const parts: string[] = [];
    for (const a of g.args) {
      if (a.name === 'first') parts.push(`first: ${this.opts.nestedFirst}`);
      else if (isNonNullType(a.type) && a.defaultValue === undefined) {
        const gap = `${t.name}.${g.name}: required argument ${a.name} the walk cannot fill`;
        if (!this.gaps.includes(gap)) this.gaps.push(gap);
        return null;
      }
    }
    return parts.join(', ');
  }

  static print(n: Node): string {
    const head = n.args ? `${n.name}(${n.args})` : n.name;
    return n.children ? `${head} { ${n.children.map(FieldWalk.print).join(' ')} }` : head;
  }

  /**
   * Runs a root as a viewer, in pieces the cost limit accepts (see pack). An error prunes its
   * field and the rest runs again, so a refusal never hides a sibling path.
   */
  async run(viewer: string, token: string | null, root: Node, rootLabel: string): Promise<void> {
    this.tokens.set(viewer, token);
    // The pieces depend on the shape only, the same for every id and viewer.
    const shape = `${root.name}(${root.args.replace(/"[^"]*"/g, '""')})`;
    let pieces = this.pieces.get(shape);
    if (!pieces) {
      pieces = this.pack(root, (x) => x);
      this.pieces.set(shape, pieces);
    }
    for (const p of pieces) await this.runPiece(viewer, token, { ...p, args: root.args }, rootLabel);
  }

  private readonly pieces = new Map<string, Node[]>();

  /**
   * Splits a tree into trees the local estimate of the cost limit accepts, packing siblings
   * together while they fit. `place` puts a copy of n back under its ancestors.
   */
  private pack(n: Node, place: (x: Node) => Node, trail = n.name): Node[] {
    const { cost, budget } = this.opts;
    const fits = (x: Node) => !cost || cost(`{ ${FieldWalk.print(place(x))} }`) <= budget!;
    if (!n.children || fits(n)) return [n];
    const leaves = n.children.filter((c) => !c.children);
    const objects = n.children.filter((c) => c.children);
    const with_ = (group: Node[]): Node => ({ ...n, children: [...leaves, ...group] });
    const groups: Node[][] = [];
    for (const c of objects)
      for (const piece of this.pack(c, (x) => place(with_([x])), `${trail}.${c.name}`)) {
        const last = groups[groups.length - 1];
        if (last && fits(with_([...last, piece]))) last.push(piece);
        else groups.push([piece]);
      }
    if (groups.length) return groups.map(with_);
    if (objects.length && fits(with_([]))) return [with_([])];
    // A chain over the cost limit: no client can ask it, so it can show nothing.
    this.overLimit.add(trail);
    return [];
  }

  private async runPiece(viewer: string, token: string | null, root: Node, rootLabel: string): Promise<void> {
    let tree = root;
    for (let round = 0; round < 50; round++) {
      this.queries++;
      const res = await this.exec(token, `{ ${FieldWalk.print(tree)} }`);
      const located = (res.errors ?? []).filter((e) => e.path?.length);
      if (res.errors?.length && !located.length) {
        // Refused as a whole (a limit): walk it in smaller pieces.
        this.splits.push(`${viewer}: ${rootLabel}: ${res.errors[0].message}`);
        const parts = FieldWalk.split(tree);
        if (!parts) {
          // One chain over a limit: no client can ask it, so it shows nothing.
          this.overLimit.add(`${rootLabel} (${viewer}): ${res.errors[0].message}`);
          return;
        }
        for (const p of parts) await this.runPiece(viewer, token, p, rootLabel);
        return;
      }
      if (!res.data && !located.length)
        throw new Error(`${viewer}: ${rootLabel} answered no data and no errors`);
      this.collect(viewer, res.data?.[tree.name], tree, rootLabel, null);
      if (!located.length) return;
      for (const e of located) {
        const fields = e.path!.filter((p): p is string => typeof p === 'string');
        this.errors.push({
          viewer,
          path: [rootLabel, ...fields.slice(1)].join('.'),
          code: e.extensions?.code ?? 'NONE',
          message: e.message,
        });
        if (fields.length === 1) return; // the root itself answered an error
        tree = FieldWalk.prune(tree, fields.slice(1));
      }
    }
    throw new Error(`${viewer}: ${rootLabel} kept answering errors`);
  }

  /** A copy without the field at `path` (field names below the root). */
  static prune(n: Node, path: string[]): Node {
    if (!n.children) return n;
    const [head, ...rest] = path;
    const children = rest.length
      ? n.children.map((c) => (c.name === head ? FieldWalk.prune(c, rest) : c))
      : n.children.filter((c) => c.name !== head);
    return { ...n, children };
  }

  /** Splits at the first node with several object children: one copy per child. null: a single chain. */
  static split(n: Node): Node[] | null {
    if (!n.children) return null;
    const leaves = n.children.filter((c) => !c.children);
    const objects = n.children.filter((c) => c.children);
    if (objects.length === 0) return null;
    if (objects.length === 1) {
      const below = FieldWalk.split(objects[0]);
      return below && below.map((b) => ({ ...n, children: [...leaves, b] }));
    }
    return objects.map((o) => ({ ...n, children: [...leaves, o] }));
  }

  private collect(
    viewer: string,
    value: unknown,
    n: Node,
    path: string,
    parent: { type: string; id: string } | null | undefined,
  ): void {
    if (value === null || value === undefined || !n.children) return;
    if (Array.isArray(value)) {
      for (const v of value) this.collect(viewer, v, n, path, parent);
      return;
    }
    const obj = value as Record<string, unknown>;
    const t = this.schema.getType((obj.__typename as string) ?? n.type) as GraphQLObjectType;
    const id = typeof obj.id === 'string' ? obj.id : undefined;
    let below = parent;
    if (!isConnection(t)) {
      below = id ? { type: t.name, id } : undefined;
      if (id) {
        const scalars: Record<string, unknown> = {};
        for (const c of n.children) if (!c.children && c.name !== '__typename') scalars[c.name] = obj[c.name];
        this.occurrences.push({ viewer, path, type: t.name, id, scalars, parent });
      }
    }
    for (const c of n.children)
      if (c.children) this.collect(viewer, obj[c.name], c, `${path}.${c.name}`, below);
  }

  /** What the root-by-id query shows the viewer of a record: its scalars, or null when refused. */
  rootView(viewer: string, type: string, id: string): Promise<Record<string, unknown> | null> {
    const key = `${viewer} ${type} ${id}`;
    let view = this.rootViews.get(key);
    if (!view) {
      view = this.fetchRootView(this.tokens.get(viewer) ?? null, type, id);
      this.rootViews.set(key, view);
    }
    return view;
  }

  private async fetchRootView(token: string | null, type: string, id: string) {
    const field = this.rootById.get(type)!;
    const t = this.schema.getType(type) as GraphQLObjectType;
    let leaves = Object.values(t.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && this.fieldArgs(t, f) !== null)
      .map((f) => f.name);
    for (let round = 0; round < 50; round++) {
      const res = await this.exec(token, `{ r: ${field}(id: "${id}") { ${leaves.join(' ')} } }`);
      const record = res.data?.r as Record<string, unknown> | null | undefined;
      const denied = (res.errors ?? [])
        .map((e) => e.path?.[1])
        .filter((p): p is string => typeof p === 'string');
      if (!denied.length) return record ?? null;
      // A scalar the root refuses (FORBIDDEN on that field) is left out of its view.
      leaves = leaves.filter((l) => !denied.includes(l));
    }
    throw new Error(`${field}(id: ${id}) kept answering errors`);
  }

  /** Every record an answer showed that its root query would not, as readable lines. */
  async leaks(): Promise<string[]> {
    const out = new Set<string>();
    const owners = new Map<string, Set<string>>();
    const rootListed = new Set<string>();
    for (const o of this.occurrences) {
      const key = `${o.type} ${o.id}`;
      if (o.parent === null) rootListed.add(`${o.viewer} ${key}`);
      if (o.parent && this.rootById.has(o.parent.type)) {
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(`${o.parent.type} ${o.parent.id}`);
      }
    }
    for (const o of this.occurrences) {
      const what = `${o.type} ${this.label(o.id)}`;
      const field = this.rootById.get(o.type);
      if (field) {
        const view = await this.rootView(o.viewer, o.type, o.id);
        if (!view) {
          out.add(`${o.viewer}: ${o.path} shows ${what}, which ${field}(id) refuses`);
          continue;
        }
        for (const [k, v] of Object.entries(o.scalars))
          if (v !== null && v !== undefined && JSON.stringify(view[k]) !== JSON.stringify(v))
            out.add(`${o.viewer}: ${o.path}.${k} shows ${what}'s ${k}, which ${field}(id) does not`);
      } else if (this.ownedTypes.has(o.type) && !rootListed.has(`${o.viewer} ${o.type} ${o.id}`)) {
        let visible = false;
        for (const owner of owners.get(`${o.type} ${o.id}`) ?? []) {
          const [type, id] = owner.split(' ');
          if (await this.rootView(o.viewer, type, id)) {
            visible = true;
            break;
          }
        }
        if (!visible)
          out.add(
            `${o.viewer}: ${o.path} shows ${what}, which no root query shows (nor any record listing it)`,
          );
      }
    }
    return [...out].sort();
  }
}
