import { Role } from '@juntos/common';
import {
  countStatements,
  grant,
  makeAttendance,
  makeEvent,
  makeLocal,
  makeMember,
  makePetition,
  makeSignature,
  makeWorkplace,
  useWorld,
} from '@juntos/test-support';

type Place = { id: string; name: string } | null;
type Row = { id: string; workplace: Place; unit: Place };

/**
 * A members page reads its rows' workplaces and units once for the list (apps/api/src/graphql/
 * prefetch.ts) instead of once a row through the fields' own resolvers. The answers must be the
 * ones those resolvers give, for every viewer: `member(id)` still resolves them a row at a time.
 */
describe('list-level workplace and unit on a members page', () => {
  const ctx = useWorld();

  async function local() {
    const { t, w } = ctx;
    const id = await makeLocal(t.db, `Prefetch ${Math.random()}`);
    const unitOf = async (site: string, name: string) =>
      (
        await t.db.query('insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id', [
          id,
          site,
          name,
        ])
      ).rows[0].id as string;
    const plant = await makeWorkplace(t.db, id, { name: 'Plant' });
    const warehouse = await makeWorkplace(t.db, id, { name: 'Warehouse' });
    const night = await unitOf(plant, 'Night shift');
    await unitOf(warehouse, 'Dock');
    for (let i = 0; i < 4; i++) {
      await makeMember(t.db, id, {
        workplaceId: plant,
        unitId: i % 2 ? night : null,
        lastName: `Plant ${i}`,
      });
      await makeMember(t.db, id, { workplaceId: warehouse, lastName: `Warehouse ${i}` });
    }
    await makeMember(t.db, id, { lastName: 'Nowhere' });
    await grant(t.db, id, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    await grant(t.db, id, w.own.users.STEWARD.id, Role.STEWARD, [plant]);
    return id;
  }

  const PAGE = `query($l: ID!) { members(localId: $l, first: 50) {
    nodes { id ...Places } } }
    fragment Places on Member { workplace { id name } unit { id name } }`;
  const ONE = `query($id: ID!) { member(id: $id) { id workplace { id name } unit { id name } } }`;

  it.each(['ORGANIZER', 'STEWARD'] as const)(
    "answers each row's workplace and unit as member(id) does, for a %s",
    async (role) => {
      const { t, w } = ctx;
      const l = await local();
      const token = w.own.users[role].token;
      const page = await t.gql<{ members: { nodes: Row[] } }>(token, PAGE, { l });
      expect(page.errors).toBeUndefined();
      const rows = page.data!.members.nodes;
      expect(rows).toHaveLength(role === 'ORGANIZER' ? 9 : 4);
      for (const row of rows) {
        const one = await t.gql<{ member: Row }>(token, ONE, { id: row.id });
        expect(one.errors).toBeUndefined();
        expect(row).toEqual(one.data!.member);
      }
      // The shapes the page holds: a unit where one was set, no workplace for the member without one.
      expect(rows.filter((r) => r.unit?.name === 'Night shift')).toHaveLength(2);
      if (role === 'ORGANIZER') expect(rows.filter((r) => r.workplace === null)).toHaveLength(1);
      else expect(rows.every((r) => r.workplace?.name === 'Plant')).toBe(true);
    },
  );

  it('answers aliases, and reads the workplaces and units in one statement each only when selected', async () => {
    const { t, w } = ctx;
    const l = await local();
    const token = w.own.users.ORGANIZER.token;
    const run = (selection: string) =>
      countStatements(async () => {
        const res = await t.gql<{ members: { nodes: Record<string, unknown>[] } }>(
          token,
          `query($l: ID!) { members(localId: $l, first: 50) { nodes { id ${selection} } } }`,
          { l },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.members.nodes).toHaveLength(9);
        if (selection.includes('site:'))
          expect(res.data!.members.nodes.filter((n) => (n.site as Place)?.name === 'Warehouse')).toHaveLength(
            4,
          );
      });
    const bare = await run('');
    expect(await run('site: workplace { name } again: workplace { id }')).toBe(bare + 1);
    expect(await run('workplace { name } unit { name }')).toBe(bare + 2);
    expect(await run('workplace @skip(if: true) { name }')).toBe(bare);
  });
});

/**
 * Reads the first 10 of a local's `list` (petitions or events) with `selection` on each node,
 * keeping the rows of the last read; answers how many statements the read took.
 */
function listReader<T>(
  ctx: ReturnType<typeof useWorld>,
  list: 'petitions' | 'events',
  token: string,
  l: string,
) {
  const last = { rows: [] as T[] };
  const read = (selection: string) =>
    countStatements(async () => {
      const res = await ctx.t.gql<Record<string, { nodes: T[] }>>(
        token,
        `query($l: ID!) { ${list}(localId: $l, first: 10) { nodes { id ${selection} } } }`,
        { l },
      );
      expect(res.errors).toBeUndefined();
      last.rows = res.data![list].nodes;
      expect(last.rows).toHaveLength(3);
    });
  return { read, last };
}

type Counted = { id: string; signatureCount: number; progress: number };

/** The same for petitions' signatureCount and progress, on the petitions list and the board's dashboard. */
describe('list-level signature counts', () => {
  const ctx = useWorld();

  async function local() {
    const { t, w } = ctx;
    const id = await makeLocal(t.db, `Prefetch counts ${Math.random()}`);
    await grant(t.db, id, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    await grant(t.db, id, w.own.users.BOARD_MEMBER.id, Role.BOARD_MEMBER);
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await makeMember(t.db, id));
    for (const [n, goal] of [
      [0, 4],
      [3, 4],
      [5, 10],
    ]) {
      const petition = await makePetition(t.db, id, { status: 'OPEN', goal, title: `Signed by ${n}` });
      for (const m of members.slice(0, n))
        await makeSignature(t.db, id, petition, m, w.own.users.ORGANIZER.id);
    }
    return id;
  }
  const ONE = `query($id: ID!) { petition(id: $id) { id signatureCount progress } }`;
  const sameAsOne = async (token: string, rows: Counted[]) => {
    expect(rows.map((r) => r.signatureCount).sort()).toEqual([0, 3, 5]);
    for (const row of rows) {
      const one = await ctx.t.gql<{ petition: Counted }>(token, ONE, { id: row.id });
      expect(one.errors).toBeUndefined();
      expect(row).toEqual(one.data!.petition);
    }
    expect(rows.find((r) => r.signatureCount === 3)!.progress).toBeCloseTo(0.75);
    expect(rows.find((r) => r.signatureCount === 5)!.progress).toBeCloseTo(0.5);
  };

  it("answers the dashboard's open petitions as petition(id) does, for a board member", async () => {
    const l = await local();
    const token = ctx.w.own.users.BOARD_MEMBER.token;
    const res = await ctx.t.gql<{ localDashboard: { openPetitions: Counted[] } }>(
      token,
      `query($l: ID!) { localDashboard(localId: $l) { openPetitions { id signatureCount progress } } }`,
      { l },
    );
    expect(res.errors).toBeUndefined();
    await sameAsOne(token, res.data!.localDashboard.openPetitions);
  });

  it('answers the petitions list as petition(id) does, reading every count in one statement', async () => {
    const l = await local();
    const token = ctx.w.own.users.ORGANIZER.token;
    const { read, last } = listReader<Counted>(ctx, 'petitions', token, l);
    const bare = await read('');
    expect(await read('signatureCount progress')).toBe(bare + 1);
    await sameAsOne(token, last.rows);
  });
});

type EventCounts = { id: string; rsvpCount: number; attendedCount: number; full: boolean };

/** And for events' rsvpCount, attendedCount and full, on the events list and the dashboard's upcoming events. */
describe('list-level event counts', () => {
  const ctx = useWorld();

  /** Three upcoming events: 2 accepted of a capacity of 2 (full), 1 accepted and 1 attended, none. */
  async function local() {
    const { t, w } = ctx;
    const id = await makeLocal(t.db, `Prefetch events ${Math.random()}`);
    await grant(t.db, id, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    await grant(t.db, id, w.own.users.BOARD_MEMBER.id, Role.BOARD_MEMBER);
    const [a, b] = [await makeMember(t.db, id), await makeMember(t.db, id)];
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000);
    const by = w.own.users.ORGANIZER.id;
    const full = await makeEvent(t.db, id, { startsAt: soon(1), capacity: 2, title: 'Full' });
    await makeAttendance(t.db, id, full, a, by);
    await makeAttendance(t.db, id, full, b, by);
    const open = await makeEvent(t.db, id, { startsAt: soon(2), capacity: 5, title: 'Open' });
    await makeAttendance(t.db, id, open, a, by);
    await makeAttendance(t.db, id, open, b, by, { rsvp: null, attended: true });
    await makeEvent(t.db, id, { startsAt: soon(3), title: 'Empty' });
    return id;
  }
  const FIELDS = 'id rsvpCount attendedCount full';
  const sameAsOne = async (token: string, rows: EventCounts[]) => {
    expect(rows.map(({ rsvpCount, attendedCount, full }) => [rsvpCount, attendedCount, full])).toEqual([
      [2, 0, true],
      [1, 1, false],
      [0, 0, false],
    ]);
    for (const row of rows) {
      const one = await ctx.t.gql<{ event: EventCounts }>(
        token,
        `query($id: ID!) { event(id: $id) { ${FIELDS} } }`,
        {
          id: row.id,
        },
      );
      expect(one.errors).toBeUndefined();
      expect(row).toEqual(one.data!.event);
    }
  };

  it("answers the dashboard's upcoming events as event(id) does, for a board member", async () => {
    const l = await local();
    const token = ctx.w.own.users.BOARD_MEMBER.token;
    const res = await ctx.t.gql<{ localDashboard: { upcomingEvents: EventCounts[] } }>(
      token,
      `query($l: ID!) { localDashboard(localId: $l) { upcomingEvents { ${FIELDS} } } }`,
      { l },
    );
    expect(res.errors).toBeUndefined();
    await sameAsOne(token, res.data!.localDashboard.upcomingEvents);
  });

  it('answers the events list as event(id) does, reading every count in one statement', async () => {
    const l = await local();
    const token = ctx.w.own.users.ORGANIZER.token;
    const { read, last } = listReader<EventCounts>(ctx, 'events', token, l);
    const bare = await read('');
    expect(await read('full')).toBe(bare + 1);
    expect(await read('rsvpCount attendedCount full')).toBe(bare + 1);
    await sameAsOne(token, last.rows);
  });
});

/** The dashboard reads its workplaces and open petitions as plain SQL (entityColumns): every field as the root queries answer it. */
describe("the dashboard's plain-SQL reads", () => {
  // The dashboard's lists are priced at their caps (300 workplaces), over the default cost limit.
  const ctx = useWorld({ GRAPHQL_MAX_COST: '100000' });
  const WORKPLACE = 'id name kind employer address headcount archivedAt';
  const PETITION = 'id title demand target goal status openedAt deadline deliveredAt createdAt';

  it('answer every field of workplaces and open petitions as workplace(id) and petition(id) do', async () => {
    const { t, w } = ctx;
    const l = await makeLocal(t.db, `Plain rows ${Math.random()}`);
    await grant(t.db, l, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    const site = await makeWorkplace(t.db, l, { name: 'Cannery', headcount: 120 });
    await makeWorkplace(t.db, l, { name: 'Bakery' });
    await makePetition(t.db, l, { status: 'OPEN', workplaceId: site, title: 'Fans on the line' });
    await makePetition(t.db, l, { status: 'OPEN', title: 'No ICE at the gate' });
    const token = w.own.users.ORGANIZER.token;
    type Row = Record<string, unknown> & { id: string };
    const res = await t.gql<{
      localDashboard: { workplaces: { workplace: Row; openPetitions: number }[]; openPetitions: Row[] };
    }>(
      token,
      `query($l: ID!) { localDashboard(localId: $l) { workplaces { workplace { ${WORKPLACE} } openPetitions } openPetitions { ${PETITION} } } }`,
      { l },
    );
    expect(res.errors).toBeUndefined();
    const { workplaces, openPetitions } = res.data!.localDashboard;
    expect(workplaces.map((x) => [x.workplace.name, x.openPetitions])).toEqual([
      ['Bakery', 0],
      ['Cannery', 1],
    ]);
    expect(openPetitions).toHaveLength(2);
    for (const { workplace } of workplaces) {
      const one = await t.gql<{ workplace: Row }>(
        token,
        `query($id: ID!) { workplace(id: $id) { ${WORKPLACE} } }`,
        {
          id: workplace.id,
        },
      );
      expect(workplace).toEqual(one.data!.workplace);
    }
    for (const petition of openPetitions) {
      const one = await t.gql<{ petition: Row }>(
        token,
        `query($id: ID!) { petition(id: $id) { ${PETITION} } }`,
        {
          id: petition.id,
        },
      );
      expect(petition).toEqual(one.data!.petition);
    }
  });
});
