import { useEffect, useRef, useState } from 'react';
import { Client, CombinedError, useClient } from 'urql';
import { graphql } from '../../gql';

/**
 * The wall chart's data, asked for in pages of 100 until the end: a few small requests instead of
 * one huge query, and nothing asked per cell.
 */

const WallMembers = graphql(`
  query WallChartMembers($localId: ID!, $workplaceId: ID!, $after: String) {
    members(localId: $localId, filter: { workplaceId: $workplaceId }, first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        firstName
        preferredName
        supportLevel
        lastContactAt
        unit {
          id
        }
      }
    }
  }
`);

const WallSignatures = graphql(`
  query WallChartSignatures($id: ID!, $after: String) {
    petition(id: $id) {
      id
      signatures(first: 100, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          member {
            id
          }
        }
      }
    }
  }
`);

const WallTrainings = graphql(`
  query WallChartTrainings($localId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {
    events(
      localId: $localId
      filter: { kind: KYR_TRAINING, from: $from, to: $to, includeCancelled: true }
      first: 100
      after: $after
    ) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
      }
    }
  }
`);

const WallAttendances = graphql(`
  query WallChartAttendances($id: ID!, $after: String) {
    event(id: $id) {
      id
      attendances(first: 100, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          attended
          member {
            id
          }
        }
      }
    }
  }
`);

const WallCommittees = graphql(`
  query WallChartCommittees($localId: ID!, $workplaceId: ID!, $after: String) {
    committees(localId: $localId, workplaceId: $workplaceId, first: 100, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        archivedAt
      }
    }
  }
`);

const WallContacts = graphql(`
  query WallChartContacts($id: ID!, $first: Int!, $after: String, $contactsAfter: String) {
    committee(id: $id) {
      id
      memberships(first: $first, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          contacts(first: 100, after: $contactsAfter) {
            pageInfo {
              endCursor
              hasNextPage
            }
            nodes {
              id
            }
          }
        }
      }
    }
  }
`);

/** Where the `n`th membership of a committee starts: the cursor after the ones before it. */
const WallSeatCursor = graphql(`
  query WallChartSeatCursor($id: ID!, $first: Int!, $after: String) {
    committee(id: $id) {
      id
      memberships(first: $first, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

/** Every page of a list, one request after another; `null` from a page means the record is gone. */
async function pageAll<T>(page: (after: string | null) => Promise<Page<T> | null>): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const p = await page(after);
    if (!p) return all;
    all.push(...p.nodes);
    if (!p.pageInfo.hasNextPage || !p.pageInfo.endCursor) return all;
    after = p.pageInfo.endCursor;
  }
}

/** A query's data, or its error thrown. Always from the network: the chart shows what is true now. */
async function ask<D, V extends object>(
  client: Client,
  query: Parameters<Client['query']>[0],
  variables: V,
): Promise<D> {
  const r = await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) throw r.error;
  return r.data as D;
}

export type WallMember = {
  id: string;
  firstName: string;
  preferredName?: string | null;
  supportLevel?: number | null;
  lastContactAt?: string | null;
  unit?: { id: string } | null;
};

type MembersData = { members: Page<WallMember> & { totalCount: number } };

/** The workplace's members, page by page; `total` as soon as the first page is in. */
export function useWallMembers(localId: string, workplaceId: string) {
  const client = useClient();
  const [state, setState] = useState<{
    members: WallMember[];
    total: number | null;
    done: boolean;
    error: CombinedError | null;
  }>({ members: [], total: null, done: false, error: null });
  useEffect(() => {
    let gone = false;
    setState({ members: [], total: null, done: false, error: null });
    void (async () => {
      try {
        let members: WallMember[] = [];
        await pageAll(async (after) => {
          const d = await ask<MembersData, object>(client, WallMembers, { localId, workplaceId, after });
          if (gone) return null;
          members = members.concat(d.members.nodes);
          const done = !d.members.pageInfo.hasNextPage;
          setState({ members, total: d.members.totalCount, done, error: null });
          return d.members;
        });
      } catch (e) {
        if (!gone) setState((s) => ({ ...s, error: e as CombinedError }));
      }
    })();
    return () => {
      gone = true;
    };
  }, [client, localId, workplaceId]);
  return state;
}

/** A set of member ids, loaded once asked for (`want`), or again when `key` changes. */
function useMemberSet(want: boolean, key: string, load: (client: Client) => Promise<Set<string>>) {
  const client = useClient();
  const [state, setState] = useState<{ key: string; value: Set<string> | null; error: CombinedError | null }>(
    {
      key: '',
      value: null,
      error: null,
    },
  );
  // What is loaded or loading: a filter turned off and on again does not ask twice.
  const current = useRef('');
  useEffect(() => {
    if (!want || current.current === key) return;
    current.current = key;
    setState({ key, value: null, error: null });
    load(client).then(
      (value) => current.current === key && setState({ key, value, error: null }),
      (e: CombinedError) => {
        if (current.current !== key) return;
        // Asked again the next time the filter is turned on.
        current.current = '';
        setState({ key, value: null, error: e });
      },
    );
    // `load` is rebuilt every render; `key` names what it loads.
  }, [want, key, client]);
  return state.key === key ? { value: state.value, error: state.error } : { value: null, error: null };
}

/** Who signed a petition. */
export function useSigned(petitionId: string) {
  return useMemberSet(!!petitionId, petitionId, async (client) => {
    type D = { petition: { signatures: Page<{ member: { id: string } }> | null } | null };
    const signatures = await pageAll(async (after) => {
      const d = await ask<D, object>(client, WallSignatures, { id: petitionId, after });
      return d.petition?.signatures ?? null;
    });
    return new Set(signatures.map((s) => s.member.id));
  });
}

const DAY = 86_400_000;

/**
 * Members who attended a know-your-rights training that started in the last 365 days (the
 * dashboard's rule): the local's trainings, then each one's attendance, page by page.
 */
export function useTrained(want: boolean, localId: string) {
  return useMemberSet(want, localId, async (client) => {
    const now = Date.now();
    type E = { events: Page<{ id: string }> };
    const events = await pageAll(async (after) => {
      const d = await ask<E, object>(client, WallTrainings, {
        localId,
        from: new Date(now - 365 * DAY).toISOString(),
        to: new Date(now).toISOString(),
        after,
      });
      return d.events;
    });
    const trained = new Set<string>();
    type A = {
      event: { attendances: Page<{ attended?: boolean | null; member: { id: string } }> | null } | null;
    };
    for (const e of events) {
      const rows = await pageAll(async (after) => {
        const d = await ask<A, object>(client, WallAttendances, { id: e.id, after });
        return d.event?.attendances ?? null;
      });
      for (const a of rows) if (a.attended) trained.add(a.member.id);
    }
    return trained;
  });
}

const SEATS = 10;

/**
 * Members who are some committee member's contact, on a committee of this workplace that is not
 * archived (the dashboard's rule): its committees, their seats 10 at a time with each seat's
 * contacts, and a seat's further contacts when it has more than 100.
 */
export function useCovered(want: boolean, localId: string, workplaceId: string) {
  return useMemberSet(want, `${localId}:${workplaceId}`, async (client) => {
    type C = { committees: Page<{ id: string; archivedAt?: string | null }> };
    const committees = await pageAll(async (after) => {
      const d = await ask<C, object>(client, WallCommittees, { localId, workplaceId, after });
      return d.committees;
    });
    const covered = new Set<string>();
    type Seats = {
      committee: {
        memberships: Page<{ id: string; contacts: Page<{ id: string }> }> | null;
      } | null;
    };
    type Cursor = { committee: { memberships: Page<never> | null } | null };
    for (const c of committees.filter((c) => !c.archivedAt)) {
      let after: string | null = null;
      for (;;) {
        const d: Seats = await ask<Seats, object>(client, WallContacts, { id: c.id, first: SEATS, after });
        const seats = d.committee?.memberships;
        if (!seats) break;
        for (const [i, seat] of seats.nodes.entries()) {
          for (const m of seat.contacts.nodes) covered.add(m.id);
          if (!seat.contacts.pageInfo.hasNextPage) continue;
          // This seat has more contacts: reach it alone, and page through them.
          let start = after;
          if (i > 0) {
            const s = await ask<Cursor, object>(client, WallSeatCursor, { id: c.id, first: i, after });
            start = s.committee?.memberships?.pageInfo.endCursor ?? null;
          }
          let contactsAfter = seat.contacts.pageInfo.endCursor ?? null;
          while (contactsAfter) {
            const one = await ask<Seats, object>(client, WallContacts, {
              id: c.id,
              first: 1,
              after: start,
              contactsAfter,
            });
            const contacts = one.committee?.memberships?.nodes[0]?.contacts;
            if (!contacts) break;
            for (const m of contacts.nodes) covered.add(m.id);
            contactsAfter = contacts.pageInfo.hasNextPage ? (contacts.pageInfo.endCursor ?? null) : null;
          }
        }
        if (!seats.pageInfo.hasNextPage || !seats.pageInfo.endCursor) break;
        after = seats.pageInfo.endCursor;
      }
    }
    return covered;
  });
}
