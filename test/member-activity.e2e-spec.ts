import {
  countStatements,
  makeAttendance,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeEvent,
  makeMember,
  makePetition,
  makeSignature,
  makeUnit,
  makeWorkplace,
  useWorld,
} from '@juntos/test-support';

/**
 * A member's signatures, RSVPs and attendance, and committee seats (Member.signatures,
 * Member.attendances, Member.committeeSeats), per role: each shows exactly the rows the root
 * query for the same records would (PERMISSIONS.md), and a list of members batches them.
 */
const ACTIVITY = `
  signatures { totalCount nodes { id method signedAt petition { id title } } }
  attendances { totalCount nodes { id rsvp attended event { id title workplace { id } } } }
  committeeSeats { totalCount nodes { id role unit { id } committee { id name } contactCount contacts { totalCount nodes { id } } } }`;
const MEMBER = `query($id: ID!) { member(id: $id) { id ${ACTIVITY} } }`;
/** The same on a list, with pages small enough for the query cost limit. */
const LISTED = ACTIVITY.replace(/(signatures|attendances|committeeSeats|contacts) \{/g, '$1(first: 5) {');

interface Connection<T> {
  totalCount: number;
  nodes: T[];
}
interface Activity {
  id: string;
  signatures: Connection<{ id: string; method: string; petition: { id: string; title: string } }> | null;
  attendances: Connection<{
    id: string;
    rsvp: string | null;
    attended: boolean | null;
    event: { id: string; workplace: { id: string } | null };
  }> | null;
  committeeSeats: Connection<{
    id: string;
    role: string;
    unit: { id: string } | null;
    committee: { id: string; name: string };
    contactCount: number;
    contacts: Connection<{ id: string }>;
  }> | null;
}

describe("a member's signatures, events and committee seats", () => {
  const ctx = useWorld();
  const token = (
    role: 'LOCAL_ADMIN' | 'ORGANIZER' | 'STEWARD' | 'BOARD_MEMBER',
    local: 'own' | 'other' = 'own',
  ) => ctx.w[local].users[role].token;
  /** Ids of what the seed made, by name. */
  const s = {} as Record<
    | 'ana'
    | 'beto'
    | 'una'
    | 'petitionA'
    | 'petitionLocal'
    | 'petitionU'
    | 'eventA'
    | 'eventLocal'
    | 'eventU'
    | 'committeeA'
    | 'committeeLocal'
    | 'committeeU'
    | 'kitchen',
    string
  >;

  /**
   * Ana works at the steward's assigned workplace: she signed its petition and a local-wide one,
   * attended its training, answered "maybe" to a local-wide meeting and "no" to the other site's
   * one, and sits on three committees: her workplace's (as captain of the kitchen, keeping in touch
   * with Beto), a local-wide defense committee and, from before she moved, the other site's.
   * Una works at the unassigned workplace, with one of each.
   */
  beforeAll(async () => {
    const { t, w } = ctx;
    const db = t.db;
    const L = w.own.id;
    const by = w.own.users.ORGANIZER.id;
    s.kitchen = await makeUnit(db, L, w.own.assigned, 'Kitchen');
    s.ana = await makeMember(db, L, { workplaceId: w.own.assigned, unitId: s.kitchen, firstName: 'Ana' });
    s.beto = await makeMember(db, L, { workplaceId: w.own.assigned, firstName: 'Beto' });
    s.una = await makeMember(db, L, { workplaceId: w.own.unassigned, firstName: 'Una' });

    s.petitionA = await makePetition(db, L, { workplaceId: w.own.assigned, status: 'OPEN', title: 'Site A' });
    s.petitionLocal = await makePetition(db, L, { status: 'DELIVERED', title: 'Local-wide' });
    s.petitionU = await makePetition(db, L, {
      workplaceId: w.own.unassigned,
      status: 'OPEN',
      title: 'Site U',
    });
    await makeSignature(db, L, s.petitionA, s.ana, by);
    await makeSignature(db, L, s.petitionLocal, s.ana, by);
    await makeSignature(db, L, s.petitionU, s.una, by);

    s.eventA = await makeEvent(db, L, { workplaceId: w.own.assigned, title: 'KYR at A' });
    s.eventLocal = await makeEvent(db, L, { kind: 'MEETING', title: 'General meeting' });
    s.eventU = await makeEvent(db, L, {
      workplaceId: w.own.unassigned,
      kind: 'MEETING',
      title: 'Meeting at U',
    });
    await makeAttendance(db, L, s.eventA, s.ana, by, { rsvp: 'ACCEPTED', attended: true });
    await makeAttendance(db, L, s.eventLocal, s.ana, by, { rsvp: 'TENTATIVE' });
    await makeAttendance(db, L, s.eventU, s.ana, by, { rsvp: 'DECLINED' });
    await makeAttendance(db, L, s.eventU, s.una, by, { rsvp: 'ACCEPTED', attended: true });

    s.committeeA = await makeCommittee(db, L, { workplaceId: w.own.assigned, name: 'A committee' });
    s.committeeLocal = await makeCommittee(db, L, { kind: 'DEFENSE_COMMITTEE', name: 'Defense committee' });
    s.committeeU = await makeCommittee(db, L, { workplaceId: w.own.unassigned, name: 'U committee' });
    const captain = await makeCommitteeMembership(db, L, s.committeeA, s.ana, { unitId: s.kitchen });
    await makeCommitteeContact(db, L, captain, s.beto);
    const local = await makeCommitteeMembership(db, L, s.committeeLocal, s.ana, { role: 'MEMBER' });
    const u = await makeCommitteeMembership(db, L, s.committeeU, s.ana, { role: 'MEMBER' });
    await makeCommitteeMembership(db, L, s.committeeU, s.una, { role: 'CHAIR' });
    // Seats are listed oldest first; seeded within one millisecond they would tie, so each is
    // dated a second apart in the order taken.
    for (const [i, id] of [captain, local, u].entries())
      await db.query(
        `update committee_membership set created_at = now() - make_interval(secs => $2) where id = $1`,
        [id, 3 - i],
      );
  });

  const read = (tok: string | null, id: string) =>
    ctx.t.gql<{ member: Activity | null }>(tok, MEMBER, { id });
  const sorted = (xs: string[]) => [...xs].sort();
  /** Whether a root query by id (`petition`, `event`, `committee`, `workplace`) shows the record to the viewer. */
  const rootShows = async (tok: string, root: string, id: string) => {
    const r = await ctx.t.gql<{ r: { id: string } | null }>(
      tok,
      `query($id: ID!) { r: ${root}(id: $id) { id } }`,
      {
        id,
      },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.r?.id === id;
  };

  it.each(['ORGANIZER', 'LOCAL_ADMIN'] as const)(
    'an %s sees every signature, answer and seat, with the contacts the member keeps in touch with',
    async (role) => {
      const res = await read(token(role), s.ana);
      expect(res.errors).toBeUndefined();
      const m = res.data!.member!;
      expect(m.signatures!.totalCount).toBe(2);
      expect(sorted(m.signatures!.nodes.map((n) => n.petition.id))).toEqual(
        sorted([s.petitionA, s.petitionLocal]),
      );
      expect(m.signatures!.nodes[0].method).toBe('PAPER');
      expect(m.attendances!.totalCount).toBe(3);
      const byEvent = Object.fromEntries(m.attendances!.nodes.map((a) => [a.event.id, a]));
      expect(byEvent[s.eventA]).toMatchObject({ rsvp: 'ACCEPTED', attended: true });
      expect(byEvent[s.eventLocal]).toMatchObject({ rsvp: 'TENTATIVE', attended: null });
      expect(byEvent[s.eventU]).toMatchObject({
        rsvp: 'DECLINED',
        event: { workplace: { id: ctx.w.own.unassigned } },
      });
      expect(m.committeeSeats!.totalCount).toBe(3);
      // Oldest first: the seats in the order taken.
      expect(m.committeeSeats!.nodes.map((n) => n.committee.id)).toEqual([
        s.committeeA,
        s.committeeLocal,
        s.committeeU,
      ]);
      expect(m.committeeSeats!.nodes[0]).toMatchObject({
        role: 'CAPTAIN',
        unit: { id: s.kitchen },
        contactCount: 1,
        contacts: { totalCount: 1, nodes: [{ id: s.beto }] },
      });
    },
  );

  it("a steward sees an assigned member's signatures and answers as the root queries show them, and only the seats on committees of their workplaces", async () => {
    const steward = token('STEWARD');
    const res = await read(steward, s.ana);
    expect(res.errors).toBeUndefined();
    const m = res.data!.member!;
    // Petitions and events are read local-wide by every role; an event's workplace stays null
    // where `workplace(id)` is.
    expect(m.signatures!.totalCount).toBe(2);
    expect(m.attendances!.totalCount).toBe(3);
    const atU = m.attendances!.nodes.find((a) => a.event.id === s.eventU)!;
    expect(atU.event.workplace).toBeNull();
    expect(await rootShows(steward, 'workplace', ctx.w.own.unassigned)).toBe(false);
    // Committees: `committee(id)` is null for the local-wide one and the other site's, so those
    // seats are not there at all, not even counted.
    expect(m.committeeSeats).toMatchObject({ totalCount: 1 });
    expect(m.committeeSeats!.nodes.map((n) => n.committee.id)).toEqual([s.committeeA]);
    for (const id of [s.committeeLocal, s.committeeU])
      expect(await rootShows(steward, 'committee', id)).toBe(false);
    // Every record shown is one its root query shows the steward too.
    const shown = [
      ...m.signatures!.nodes.map((n) => ['petition', n.petition.id]),
      ...m.attendances!.nodes.map((n) => ['event', n.event.id]),
      ...m.committeeSeats!.nodes.map((n) => ['committee', n.committee.id]),
    ];
    for (const [root, id] of shown)
      expect({ root, id, shown: await rootShows(steward, root, id) }).toEqual({ root, id, shown: true });
  });

  it('a steward reads nothing of a member of an unassigned workplace: null, as if they did not exist', async () => {
    const res = await read(token('STEWARD'), s.una);
    expect(res.errors).toBeUndefined();
    expect(res.data!.member).toBeNull();
    // Nor through a list: the steward's members are their workplaces' only.
    const list = await ctx.t.gql<{ members: { nodes: Activity[] } }>(
      token('STEWARD'),
      `query($l: ID!) { members(localId: $l, first: 20) { nodes { id ${LISTED} } } }`,
      { l: ctx.w.own.id },
    );
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.members.nodes;
    expect(nodes.map((n) => n.id)).toContain(s.ana);
    // Una, and the petition and the committee only she and the other site reach, never appear.
    const seen = JSON.stringify(nodes);
    expect(seen).not.toContain(s.una);
    expect(seen).not.toContain(s.petitionU);
    expect(seen).not.toContain(s.committeeU);
  });

  it('a board member, who sees no names, reaches none of it: member is FORBIDDEN, as are the lists that lead to a member', async () => {
    const board = token('BOARD_MEMBER');
    const res = await read(board, s.ana);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(res.data?.member ?? null).toBeNull();
    // The numbers stay theirs; who signed, attended or sits is refused on that field alone.
    const paths = await ctx.t.gql<{
      petition: { id: string; signatures: unknown };
      event: { id: string; attendances: unknown };
      committee: { id: string; memberships: unknown };
    }>(
      board,
      `query($p: ID!, $e: ID!, $c: ID!) {
        petition(id: $p) { id signatures { nodes { member { id signatures { totalCount } } } } }
        event(id: $e) { id attendances { nodes { member { id attendances { totalCount } } } } }
        committee(id: $c) { id memberships { nodes { member { id committeeSeats { totalCount } } } } }
      }`,
      { p: s.petitionA, e: s.eventA, c: s.committeeA },
    );
    expect(sorted((paths.errors ?? []).map((e) => `${e.path?.join('.')} ${e.extensions.code}`))).toEqual([
      'committee.memberships FORBIDDEN',
      'event.attendances FORBIDDEN',
      'petition.signatures FORBIDDEN',
    ]);
    expect(paths.data).toEqual({
      petition: { id: s.petitionA, signatures: null },
      event: { id: s.eventA, attendances: null },
      committee: { id: s.committeeA, memberships: null },
    });
  });

  it("another local's admin reads the member as missing, and cannot list this local's members", async () => {
    const other = token('LOCAL_ADMIN', 'other');
    const res = await read(other, s.ana);
    expect(res.errors).toBeUndefined();
    expect(res.data!.member).toBeNull();
    const list = await ctx.t.gql(
      other,
      `query($l: ID!) { members(localId: $l, first: 20) { nodes { id ${LISTED} } } }`,
      {
        l: ctx.w.own.id,
      },
    );
    expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(list.data).toBeNull();
  });

  it('pages each list with a cursor, and refuses a bad page with BAD_USER_INPUT', async () => {
    type Page = {
      totalCount: number;
      nodes: { id: string }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    const page = (field: string, args: string, after: string | null = null) =>
      ctx.t.gql<{ member: Record<string, Page | null> }>(
        token('ORGANIZER'),
        `query($id: ID!, $after: String) { member(id: $id) {
          ${field}(${args}, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } } }`,
        { id: s.ana, after },
      );
    for (const [field, total] of [
      ['signatures', 2],
      ['attendances', 3],
      ['committeeSeats', 3],
    ] as const) {
      const all = (await page(field, 'first: 10')).data!.member[field]!;
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res = await page(field, 'first: 1', after);
        expect(res.errors).toBeUndefined();
        const c: Page = res.data!.member[field]!;
        expect(c.totalCount).toBe(total);
        seen.push(...c.nodes.map((n) => n.id));
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all.nodes.map((n) => n.id));
      expect(seen).toHaveLength(total);

      for (const [args, cursor] of [
        ['first: 0', null],
        ['first: 101', null],
        ['first: 5', 'not a cursor'],
      ] as const) {
        const res = await page(field, args, cursor);
        // Refused on that field alone; the member is still there.
        expect({
          field,
          args,
          code: res.errors?.[0].extensions.code,
          value: res.data?.member?.[field],
        }).toEqual({
          field,
          args,
          code: 'BAD_USER_INPUT',
          value: null,
        });
      }
    }
  });

  it('a list of members reads their signatures, answers and seats in the same statements, however long it is', async () => {
    const { t, w } = ctx;
    const L = w.own.id;
    const by = w.own.users.ORGANIZER.id;
    const petition = await makePetition(t.db, L, { status: 'OPEN', title: 'Batch' });
    const event = await makeEvent(t.db, L, { title: 'Batch' });
    const committee = await makeCommittee(t.db, L, { name: 'Batch' });
    const statements = async (n: number) => {
      const site = await makeWorkplace(t.db, L, { name: `Batch of ${n}` });
      for (let i = 0; i < n; i++) {
        const m = await makeMember(t.db, L, { workplaceId: site });
        await makeSignature(t.db, L, petition, m, by);
        await makeAttendance(t.db, L, event, m, by, { attended: true });
        await makeCommitteeMembership(t.db, L, committee, m);
      }
      return countStatements(async () => {
        const res = await t.gql<{ members: { nodes: Activity[] } }>(
          token('ORGANIZER'),
          `query($l: ID!, $w: ID!) { members(localId: $l, filter: { workplaceId: $w }, first: 10) { nodes { id ${LISTED} } } }`,
          { l: L, w: site },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.members.nodes).toHaveLength(n);
        for (const m of res.data!.members.nodes) {
          expect(m.signatures!.totalCount).toBe(1);
          expect(m.attendances!.totalCount).toBe(1);
          expect(m.committeeSeats!.totalCount).toBe(1);
        }
      });
    };
    expect(await statements(8)).toBe(await statements(2));
  });
});
