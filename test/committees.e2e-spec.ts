import { Role } from '@juntos/common';
import {
  countStatements,
  grant,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeLocal,
  makeMember,
  makeUser,
  makeWorkplace,
  useWorld,
  whileRowHeld,
} from '@juntos/test-support';

const CREATE =
  'mutation($input: CommitteeInput!) { createCommittee(input: $input) { id kind name archivedAt workplace { id } } }';
const ADD =
  'mutation($input: CommitteeMembershipInput!) { addCommitteeMember(input: $input) { id role unit { id } member { id } contactCount } }';
const ASSIGN =
  'mutation($input: AssignContactsInput!) { assignContacts(input: $input) { id contactCount contacts(first: 50) { totalCount nodes { id } } } }';
const COMMITTEE = `query($id: ID!) { committee(id: $id) {
  id name kind coverage ratio membershipCount archivedAt workplace { id } local { id }
  memberships { totalCount nodes { id role since unit { id } member { id } contactCount contacts { totalCount nodes { id } } committee { id } } }
} }`;

interface CommitteeView {
  id: string;
  coverage: number;
  ratio: number | null;
  membershipCount: number;
  memberships: {
    totalCount: number;
    nodes: { id: string; role: string; contactCount: number; contacts: { totalCount: number } }[];
  } | null;
}

describe('committees', () => {
  const ctx = useWorld();
  const org = () => ctx.w.own.users.ORGANIZER.token;
  const admin = () => ctx.w.own.users.LOCAL_ADMIN.token;
  const steward = () => ctx.w.own.users.STEWARD.token;
  const board = () => ctx.w.own.users.BOARD_MEMBER.token;

  const create = (token: string, input: Record<string, unknown>) =>
    ctx.t.gql<{ createCommittee: { id: string; name: string; archivedAt: string | null } }>(token, CREATE, {
      input: { localId: ctx.w.own.id, kind: 'ORGANIZING_COMMITTEE', name: 'Organizing committee', ...input },
    });
  const add = (token: string, input: Record<string, unknown>) =>
    ctx.t.gql<{
      addCommitteeMember: { id: string; role: string; unit: { id: string } | null; contactCount: number };
    }>(token, ADD, { input: { role: 'CAPTAIN', ...input } });
  const assign = (token: string, membershipId: string, memberIds: string[]) =>
    ctx.t.gql<{ assignContacts: { id: string; contactCount: number; contacts: { totalCount: number } } }>(
      token,
      ASSIGN,
      { input: { membershipId, memberIds } },
    );
  const read = (token: string, id: string) =>
    ctx.t.gql<{ committee: CommitteeView | null }>(token, COMMITTEE, { id });
  const audits = async (action: string) =>
    (await ctx.t.db.query(`select count(*)::int as n from audit_event where action = $1`, [action])).rows[0]
      .n as number;
  const unit = async (workplaceId: string, name: string) =>
    (
      await ctx.t.db.query(
        `insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id`,
        [ctx.w.own.id, workplaceId, name],
      )
    ).rows[0].id as string;

  it('an organizer builds a committee for a 40-worker site with four captains, one per unit, assigns each ten contacts, and reads coverage 1.0 and ratio 10; the dashboard shows it; a board member sees the numbers and no name', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Forty-worker site', headcount: 40 });
    const units: string[] = [];
    for (const name of ['Kitchen', 'Housekeeping', 'Night shift', 'Laundry'])
      units.push(await unit(site, name));
    const workers: string[] = [];
    for (let i = 0; i < 40; i++) workers.push(await makeMember(t.db, w.own.id, { workplaceId: site }));

    const created = await create(org(), {
      workplaceId: site,
      name: 'Forty-worker site organizing committee',
    });
    expect(created.errors).toBeUndefined();
    const committeeId = created.data!.createCommittee.id;

    const seats: string[] = [];
    for (let u = 0; u < 4; u++) {
      const seat = await add(org(), { committeeId, memberId: workers[u * 10], unitId: units[u] });
      expect(seat.errors).toBeUndefined();
      expect(seat.data!.addCommitteeMember).toMatchObject({
        role: 'CAPTAIN',
        unit: { id: units[u] },
        contactCount: 0,
      });
      seats.push(seat.data!.addCommitteeMember.id);
    }
    // Before any contact: no coverage, ten workers per captain.
    expect((await read(org(), committeeId)).data!.committee).toMatchObject({
      coverage: 0,
      ratio: 10,
      membershipCount: 4,
    });

    for (let u = 0; u < 4; u++) {
      const res = await assign(org(), seats[u], workers.slice(u * 10, u * 10 + 10));
      expect(res.errors).toBeUndefined();
      expect(res.data!.assignContacts).toMatchObject({ contactCount: 10, contacts: { totalCount: 10 } });
    }
    const full = (await read(org(), committeeId)).data!.committee!;
    expect(full).toMatchObject({ coverage: 1, ratio: 10, membershipCount: 4 });
    expect(full.memberships!.totalCount).toBe(4);
    expect(full.memberships!.nodes.map((n) => n.contactCount)).toEqual([10, 10, 10, 10]);

    const dash = await t.gql<{
      localDashboard: { workplaces: { workplace: { id: string }; committeeCoverage: number }[] };
    }>(
      board(),
      'query($l: ID!) { localDashboard(localId: $l) { workplaces { workplace { id } committeeCoverage } } }',
      {
        l: w.own.id,
      },
    );
    expect(dash.errors).toBeUndefined();
    expect(dash.data!.localDashboard.workplaces.find((x) => x.workplace.id === site)!.committeeCoverage).toBe(
      1,
    );
    expect(
      dash.data!.localDashboard.workplaces.find((x) => x.workplace.id === w.own.assigned)!.committeeCoverage,
    ).toBe(0);

    // The board member: the numbers, and FORBIDDEN for who sits on it, the rest intact.
    const seen = await read(board(), committeeId);
    expect(seen.data!.committee).toMatchObject({
      id: committeeId,
      coverage: 1,
      ratio: 10,
      membershipCount: 4,
      memberships: null,
    });
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors![0]).toMatchObject({
      path: ['committee', 'memberships'],
      extensions: { code: 'FORBIDDEN' },
    });
    const listed = await t.gql<{ committees: { nodes: { id: string; coverage: number }[] } }>(
      board(),
      'query($l: ID!) { committees(localId: $l) { totalCount nodes { id name coverage ratio membershipCount } } }',
      { l: w.own.id },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.committees.nodes.find((c) => c.id === committeeId)!.coverage).toBe(1);

    // Audited without names: counts and ids only.
    expect(await audits('committee.create')).toBeGreaterThanOrEqual(1);
    expect(await audits('committee.member.add')).toBeGreaterThanOrEqual(4);
    const { rows } = await t.db.query(
      `select detail from audit_event where action = 'committee.contacts.assign' order by created_at desc limit 1`,
    );
    expect(rows[0].detail).toEqual({ members: 10 });
  });

  it('moves a contact between seats, frees contacts of a removed seat, and keeps coverage exact', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Moves site' });
    const m = [] as string[];
    for (let i = 0; i < 6; i++) m.push(await makeMember(t.db, w.own.id, { workplaceId: site }));
    const committeeId = (await create(org(), { workplaceId: site, name: 'Moves committee' })).data!
      .createCommittee.id;
    const a = (await add(org(), { committeeId, memberId: m[0] })).data!.addCommitteeMember.id;
    const b = (await add(org(), { committeeId, memberId: m[1], role: 'CHAIR' })).data!.addCommitteeMember.id;
    await assign(org(), a, [m[2], m[3]]);
    expect((await read(org(), committeeId)).data!.committee).toMatchObject({ coverage: 2 / 6, ratio: 3 });
    // Assigning m[3] to b moves them: still one contact each on the committee.
    const moved = await assign(org(), b, [m[3], m[4]]);
    expect(moved.data!.assignContacts.contactCount).toBe(2);
    const after = (await read(org(), committeeId)).data!.committee!;
    expect(after.coverage).toBeCloseTo(3 / 6);
    expect(after.memberships!.nodes.find((n) => n.id === a)!.contactCount).toBe(1);
    // Removing a seat frees its contacts.
    const removed = await t.gql(org(), 'mutation($id: ID!) { removeCommitteeMember(id: $id) }', { id: b });
    expect(removed.data).toEqual({ removeCommitteeMember: true });
    const left = (await read(org(), committeeId)).data!.committee!;
    expect(left).toMatchObject({ membershipCount: 1, ratio: 6 });
    expect(left.coverage).toBeCloseTo(1 / 6);
    expect(
      (await t.db.query(`select count(*)::int as n from committee_contact where membership_id = $1`, [b]))
        .rows[0].n,
    ).toBe(0);
    // An archived member leaves the coverage.
    await t.db.query(`update member set archived_at = now() where id = $1`, [m[2]]);
    expect((await read(org(), committeeId)).data!.committee!.coverage).toBe(0);
  });

  it('archives a committee: it keeps its seats and contacts, takes no new ones, and frees its name', async () => {
    const { t, w } = ctx;
    const m1 = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const m2 = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const committeeId = (await create(org(), { workplaceId: w.own.assigned, name: 'Archive me' })).data!
      .createCommittee.id;
    const seat = (await add(org(), { committeeId, memberId: m1 })).data!.addCommitteeMember.id;
    await assign(org(), seat, [m2]);
    const archived = await t.gql<{ archiveCommittee: { archivedAt: string } }>(
      admin(),
      'mutation($id: ID!) { archiveCommittee(id: $id) { archivedAt } }',
      { id: committeeId },
    );
    expect(archived.data!.archiveCommittee.archivedAt).toEqual(expect.any(String));
    const refusal = {
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'This committee is archived: it takes no new members or contacts.',
    };
    expect((await add(org(), { committeeId, memberId: m2 })).errors![0]).toMatchObject(refusal);
    expect((await assign(org(), seat, [m1])).errors![0]).toMatchObject(refusal);
    expect(
      (await t.gql(org(), 'mutation($id: ID!) { removeCommitteeMember(id: $id) }', { id: seat })).errors![0],
    ).toMatchObject(refusal);
    const kept = (await read(org(), committeeId)).data!.committee!;
    expect(kept).toMatchObject({ membershipCount: 1, coverage: expect.any(Number) });
    expect(kept.memberships!.nodes[0].contactCount).toBe(1);
    // The name is free again among committees not archived; a second live one of that name conflicts.
    expect((await create(org(), { name: 'Archive me' })).errors).toBeUndefined();
    expect((await create(org(), { name: 'Archive me' })).errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT', field: 'name' },
    });
  });

  it('refuses an add or an assignment waiting on an archive that commits meanwhile, writing nothing', async () => {
    const { t, w } = ctx;
    const m1 = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const m2 = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const c1 = await makeCommittee(t.db, w.own.id, { workplaceId: w.own.assigned });
    const answer = await whileRowHeld(
      t.db,
      { table: 'committee', id: c1 },
      () => add(org(), { committeeId: c1, memberId: m1 }),
      (holder) => holder.query(`update committee set archived_at = now() where id = $1`, [c1]),
    );
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const c2 = await makeCommittee(t.db, w.own.id, { workplaceId: w.own.assigned });
    const seat = await makeCommitteeMembership(t.db, w.own.id, c2, m1);
    const answer2 = await whileRowHeld(
      t.db,
      { table: 'committee', id: c2 },
      () => assign(org(), seat, [m2]),
      (holder) => holder.query(`update committee set archived_at = now() where id = $1`, [c2]),
    );
    expect(answer2.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const rows = await t.db.query(
      `select (select count(*)::int from committee_membership where committee_id = $1) as seats,
              (select count(*)::int from committee_contact where committee_id = $2) as contacts`,
      [c1, c2],
    );
    expect(rows.rows[0]).toEqual({ seats: 0, contacts: 0 });
  });

  it('validates: name, one seat per member, members and units of the workplace, the caller’s scope', async () => {
    const { t, w } = ctx;
    expect((await create(org(), { name: '' })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await create(org(), { name: 'x'.repeat(201) })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await create(org(), { name: 'Bad kind', kind: 'PARTY' })).errors).toBeDefined();
    expect(
      (await create(org(), { name: 'Other local site', workplaceId: w.other.assigned })).errors![0]
        .extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const committeeId = (await create(org(), { workplaceId: w.own.assigned, name: 'Validation committee' }))
      .data!.createCommittee.id;
    const here = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const elsewhere = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned });
    const foreign = await makeMember(t.db, w.other.id, { workplaceId: w.other.assigned });
    const otherUnit = await unit(w.own.unassigned, 'Elsewhere unit');
    expect((await add(org(), { committeeId, memberId: elsewhere })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await add(org(), { committeeId, memberId: foreign })).errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await add(org(), { committeeId, memberId: here, unitId: otherUnit })).errors![0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    const seat = (await add(org(), { committeeId, memberId: here })).data!.addCommitteeMember.id;
    expect(
      (await add(org(), { committeeId, memberId: here, role: 'MEMBER' })).errors![0].extensions,
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await assign(org(), seat, [elsewhere])).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await assign(org(), seat, [foreign])).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await assign(org(), seat, [])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await add(org(), { committeeId, memberId: here, role: 'BOSS' })).errors).toBeDefined();
    // Nothing of the refused calls was written.
    expect(
      (await t.db.query(`select count(*)::int as n from committee_contact where membership_id = $1`, [seat]))
        .rows[0].n,
    ).toBe(0);
  });

  it('keeps one contact per member and committee under parallel assignments of the same members', async () => {
    const { t, w } = ctx;
    const committeeId = await makeCommittee(t.db, w.own.id, { workplaceId: w.own.assigned });
    const seats: string[] = [];
    for (let i = 0; i < 4; i++)
      seats.push(
        await makeCommitteeMembership(
          t.db,
          w.own.id,
          committeeId,
          await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned }),
        ),
      );
    const members: string[] = [];
    for (let i = 0; i < 8; i++)
      members.push(await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned }));
    const results = await Promise.all(seats.map((s) => assign(org(), s, members)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const { rows } = await t.db.query(
      `select member_id, count(*)::int as n from committee_contact where committee_id = $1 group by member_id`,
      [committeeId],
    );
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(
      (await read(org(), committeeId)).data!.committee!.memberships!.nodes.reduce(
        (n, s) => n + s.contactCount,
        0,
      ),
    ).toBe(8);
  });

  it("scopes a steward to their assigned workplaces' committees, with memberships, and lets them change nothing", async () => {
    const { t, w } = ctx;
    const mine = await makeCommittee(t.db, w.own.id, {
      workplaceId: w.own.assigned,
      name: 'Assigned committee',
    });
    const notMine = await makeCommittee(t.db, w.own.id, {
      workplaceId: w.own.unassigned,
      name: 'Unassigned committee',
    });
    const wide = await makeCommittee(t.db, w.own.id, {
      name: 'Local-wide defense committee',
      kind: 'DEFENSE_COMMITTEE',
    });
    const m = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const c = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const seat = await makeCommitteeMembership(t.db, w.own.id, mine, m);
    await makeCommitteeContact(t.db, w.own.id, seat, c);
    const seen = await read(steward(), mine);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.committee!.memberships!.nodes[0]).toMatchObject({
      id: seat,
      contactCount: 1,
      contacts: { totalCount: 1 },
    });
    expect((await read(steward(), notMine)).data!.committee).toBeNull();
    expect((await read(steward(), wide)).data!.committee).toBeNull();
    const list = await t.gql<{ committees: { nodes: { id: string }[] } }>(
      steward(),
      'query($l: ID!) { committees(localId: $l) { nodes { id } } }',
      { l: w.own.id },
    );
    const ids = list.data!.committees.nodes.map((n) => n.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(notMine);
    expect(ids).not.toContain(wide);
    expect((await assign(steward(), seat, [m])).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // Filters: kind and workplace.
    const byKind = await t.gql<{ committees: { nodes: { id: string }[] } }>(
      org(),
      'query($l: ID!) { committees(localId: $l, kind: DEFENSE_COMMITTEE) { nodes { id } } }',
      { l: w.own.id },
    );
    expect(byKind.data!.committees.nodes.map((n) => n.id)).toContain(wide);
    expect(byKind.data!.committees.nodes.map((n) => n.id)).not.toContain(mine);
    const byPlace = await t.gql<{ committees: { nodes: { id: string }[] } }>(
      org(),
      'query($l: ID!, $w: ID) { committees(localId: $l, workplaceId: $w) { nodes { id } } }',
      { l: w.own.id, w: w.own.unassigned },
    );
    expect(byPlace.data!.committees.nodes.map((n) => n.id)).toContain(notMine);
    expect(byPlace.data!.committees.nodes.map((n) => n.id)).not.toContain(mine);
  });

  it('erasing a member removes their seats and contact assignments', async () => {
    const { t, w } = ctx;
    const committeeId = await makeCommittee(t.db, w.own.id, { workplaceId: w.own.assigned });
    const captain = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const contact = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const other = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const seat = await makeCommitteeMembership(t.db, w.own.id, committeeId, captain);
    await makeCommitteeContact(t.db, w.own.id, seat, contact);
    const seat2 = await makeCommitteeMembership(t.db, w.own.id, committeeId, other);
    await makeCommitteeContact(t.db, w.own.id, seat2, captain);
    for (const id of [contact, captain]) {
      const erased = await t.gql(admin(), 'mutation($id: ID!) { eraseMember(id: $id) }', { id });
      expect(erased.errors).toBeUndefined();
    }
    const { rows } = await t.db.query(
      `select (select count(*)::int from committee_membership where member_id = any($1)) as seats,
              (select count(*)::int from committee_contact where member_id = any($1) or membership_id = $2) as contacts`,
      [[captain, contact], seat],
    );
    expect(rows[0]).toEqual({ seats: 0, contacts: 0 });
  });

  it('batches reach, seats and contacts: a list of 12 committees costs the statements a list of 2 does', async () => {
    const { t } = ctx;
    const local = await makeLocal(t.db, 'Committee batch local');
    const user = await makeUser(t.db, { displayName: 'Committee batcher' });
    await grant(t.db, local, user.id, Role.ORGANIZER, []);
    const token = t.tokenFor(user.id);
    const site = await makeWorkplace(t.db, local, {});
    const statements = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = await makeCommittee(t.db, local, { workplaceId: site });
        const s = await makeCommitteeMembership(
          t.db,
          local,
          c,
          await makeMember(t.db, local, { workplaceId: site }),
        );
        await makeCommitteeContact(t.db, local, s, await makeMember(t.db, local, { workplaceId: site }));
      }
      return countStatements(async () => {
        const res = await t.gql(
          token,
          'query($l: ID!) { committees(localId: $l, first: 20) { nodes { coverage ratio membershipCount workplace { id } memberships(first: 5) { totalCount nodes { role unit { id } member { id firstName } committee { id } contactCount contacts(first: 5) { totalCount nodes { id lastName } } } } } } }',
          { l: local },
        );
        expect(res.errors).toBeUndefined();
      });
    };
    const small = await statements(2);
    const large = await statements(10);
    expect(large).toBe(small);
  });
});
