import { Injectable, Provider } from '@nestjs/common';

/**
 * The kinds of record the access checks can place, one key per kind. Empty here: each feature
 * module adds its own by declaration merging, beside the SQL it registers, e.g.
 *
 *   declare module '@juntos/access' {
 *     interface RecordKinds { member: true }
 *   }
 *
 * so a service naming a kind no module declares does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecordKinds {}

export type RecordKind = keyof RecordKinds & string;

/**
 * Per kind, one statement taking the record's id as $1 and selecting the record's `local_id` and,
 * for steward scoping, its `workplace_id` (`null::uuid` when the kind has none).
 */
export type RecordPlaceSql = Partial<Record<RecordKind, string>>;

/** Where each registered kind keeps its local and workplace: filled by the feature modules at startup. */
@Injectable()
export class RecordKindRegistry {
  private readonly sql = new Map<string, string>();

  register(places: RecordPlaceSql): void {
    for (const [kind, sql] of Object.entries(places) as [string, string][]) {
      if (this.sql.has(kind)) throw new Error(`record kind "${kind}" is registered twice`);
      if (!/\$1\b/.test(sql) || !/\blocal_id\b/.test(sql) || !/\bworkplace_id\b/.test(sql))
        throw new Error(`record kind "${kind}": its SQL must select local_id and workplace_id by id = $1`);
      this.sql.set(kind, sql);
    }
  }

  /** The kind's SQL; a kind no module registered is a programming error, named in the message. */
  sqlOf(kind: RecordKind): string {
    const sql = this.sql.get(kind);
    if (!sql) throw new Error(`record kind "${kind}" is not registered: its module provides recordKinds()`);
    return sql;
  }

  kinds(): string[] {
    return [...this.sql.keys()];
  }
}

/**
 * A feature module's record kinds, for its `providers`: registered with the access layer when the
 * app starts (a kind registered twice stops the start, naming it).
 */
export function recordKinds(places: RecordPlaceSql): Provider {
  return {
    provide: Symbol(`record kinds: ${Object.keys(places).join(', ')}`),
    inject: [RecordKindRegistry],
    useFactory: (registry: RecordKindRegistry) => {
      registry.register(places);
      return places;
    },
  };
}
