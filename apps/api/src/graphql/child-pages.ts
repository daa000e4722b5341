import { Scope } from '@juntos/access';
import { Page, PageArgs } from '@juntos/common';
import { scopedLoader } from './loaders';

/** How a parent's child list reads, within a Scope from libs/access. */
export interface ChildPages<T> {
  /** The first page of each parent's list, in the order of `parentIds`. */
  first(scope: Scope, parentIds: readonly string[], first?: number | null): Promise<Page<T>[]>;
  /** One page of one parent's list, after a cursor. */
  after(scope: Scope, parentId: string, args: PageArgs): Promise<Page<T>>;
}

/**
 * A nested connection of a record (a member's signatures, RSVPs, committee seats): its first page
 * batched over every parent of a list by a loader keyed by the parent's id and the Actor's Scope,
 * so a list costs the statements of one; a later page (after a cursor) read on its own.
 */
export function childPage<T>(
  req: object | undefined,
  name: string,
  scope: Scope,
  parentId: string,
  args: { first?: number | null; after?: string | null },
  read: ChildPages<T>,
): Promise<Page<T>> {
  if (args.after || !req) return read.after(scope, parentId, args);
  const batch = (ids: readonly string[], s: Scope) => read.first(s, ids, args.first);
  return scopedLoader(req, `${name}:${args.first ?? ''}`, scope, batch).load(parentId);
}
