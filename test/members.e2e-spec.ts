import { LocalKind, Role, WorkplaceKind } from '@juntos/common';
import {
  grant,
  makeLocal,
  makeMember,
  makeOneOnOne,
  makePetition,
  makeSignature,
  makeUnit,
  makeWorkplace,
  useWorld,
  whileRowHeld,
} from '@juntos/test-support';

const CREATE = `mutation($input: MemberInput!) {
  createMember(input: $input) {
    id firstName lastName preferredName phone email preferredLanguage status tags supportLevel lastContactAt
    workplace { id } unit { id name } local { id }
  }
}`;
const LIST = `query($l: ID!, $filter: MemberFilter, $first: Int, $after: String) {
  members(localId: $l, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id firstName lastName }
  }
}`;
type Page = {
  members: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: { id: string; firstName: string; lastName: string }[];
  };
};

describe('members', () => {
  const ctx = useWorld({ PHONE_DEFAULT_REGION: 'US' });
  const org = () => ctx.w.own.users.ORGANIZER.token;
  const create = (input: Record<string, unknown>) =>
    ctx.t.gql<{ createMember: Record<string, unknown> }>(org(), CREATE, {
      input: { localId: ctx.w.own.id, ...input },
    });

  it('normalizes what people type: email lowercased, phone to E.164, tags lowercase, language canonical', async () => {
    const res = await create({
      firstName: ' Guadalupe ',
      lastName: 'Hernández',
      email: ' Lupe.Hernandez@Example.ORG ',
      phone: '(718) 555-0142',
      preferredLanguage: 'es-mx',
      tags: [' Leader', 'KYR trained', 'leader'],
      workplaceId: ctx.w.own.assigned,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createMember).toMatchObject({
      firstName: 'Guadalupe',
      email: 'lupe.hernandez@example.org',
      phone: '+17185550142',
      preferredLanguage: 'es-MX',
      tags: ['leader', 'kyr trained'],
      status: 'PROSPECT',
      supportLevel: null,
      lastContactAt: null,
      workplace: { id: ctx.w.own.assigned },
      local: { id: ctx.w.own.id },
    });
  });

  it.each([
    [{ firstName: '' }, 'firstName'],
    [{ lastName: 'x'.repeat(101) }, 'lastName'],
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: 'call me' }, 'phone'],
    [{ preferredLanguage: 'spanish please' }, 'preferredLanguage'],
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    [{ tags: ['x'.repeat(41)] }, 'tags'],
    [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
    [{ workplaceId: '00000000-0000-4000-8000-000000000000' }, 'workplaceId'],
  ])('refuses %p with BAD_USER_INPUT naming %s, and stores nothing', async (override, field) => {
    const before = (await ctx.t.db.query('select count(*)::int as n from member')).rows[0].n;
    const res = await create({ firstName: 'Valid', lastName: 'Name', ...override });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await ctx.t.db.query('select count(*)::int as n from member')).rows[0].n).toBe(before);
  });

  it('refuses a unit of another workplace, and a workplace of another local', async () => {
    const { t, w } = ctx;
    const unit = await t.db.query(
      `insert into unit (local_id, workplace_id, name) values ($1, $2, 'Night') returning id`,
      [w.own.id, w.own.unassigned],
    );
    const wrongUnit = await create({
      firstName: 'A',
      lastName: 'B',
      workplaceId: w.own.assigned,
      unitId: unit.rows[0].id,
    });
    expect(wrongUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    const foreign = await create({ firstName: 'A', lastName: 'B', workplaceId: w.other.assigned });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceId' });
  });

  it('keeps contact details unique within a local, with CONFLICT', async () => {
    await create({
      firstName: 'Carlos',
      lastName: 'Ruiz',
      email: 'carlos@example.org',
      phone: '718-555-0177',
    });
    const email = await create({ firstName: 'Other', lastName: 'Person', email: 'CARLOS@example.org' });
    expect(email.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    const phone = await create({ firstName: 'Other', lastName: 'Person', phone: '+1 718 555 0177' });
    expect(phone.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'phone' });
    // Another local may hold the same person's details.
    const elsewhere = await ctx.t.gql(ctx.w.other.users.ORGANIZER.token, CREATE, {
      input: { localId: ctx.w.other.id, firstName: 'Carlos', lastName: 'Ruiz', email: 'carlos@example.org' },
    });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('searches names, email and phone without case or accents', async () => {
    const { t, w } = ctx;
    for (const [first, last, email] of [
      ['José', 'Núñez', null],
      ['Jose', 'Nunez', 'jnunez@example.org'],
      ['Nguyễn', 'Thị Lan', null],
      ['Mary', 'Johnson', 'mary.j@example.org'],
    ]) {
      await t.db.query(
        'insert into member (local_id, first_name, last_name, email) values ($1, $2, $3, $4)',
        [w.own.id, first, last, email],
      );
    }
    const search = async (q: string) =>
      (await t.gql<Page>(org(), LIST, { l: w.own.id, filter: { search: q } }))
        .data!.members.nodes.map((n) => `${n.firstName} ${n.lastName}`)
        .sort();
    expect(await search('josé')).toEqual(['Jose Nunez', 'José Núñez']);
    expect(await search('NUÑEZ')).toEqual(['Jose Nunez', 'José Núñez']);
    expect(await search('nguyen')).toEqual(['Nguyễn Thị Lan']);
    expect(await search('mary.j@')).toEqual(['Mary Johnson']);
    expect(await search('555-0177')).toEqual(['Carlos Ruiz']);
    expect(await search('100%')).toEqual([]);
  });

  it('pages through a local in name order with no duplicates or gaps, and refuses first > 100', async () => {
    const { t, w } = ctx;
    const localId = await makeLocal(t.db, 'Paging local');
    await grant(t.db, localId, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    // Same last names, so the key needs first name and id to order them.
    for (let i = 0; i < 237; i++)
      await makeMember(t.db, localId, {
        firstName: `P${String(i % 7)}`,
        lastName: ['García', 'Tran', 'Smith'][i % 3],
      });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: { data: Page | null | undefined } = await t.gql<Page>(org(), LIST, {
        l: localId,
        first: 50,
        after,
      });
      const page: Page['members'] = res.data!.members;
      expect(page.totalCount).toBe(237);
      seen.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(237);
    expect(new Set(seen).size).toBe(237);
    const { rows } = await t.db.query(
      'select id from member where local_id = $1 order by last_name, first_name, id',
      [localId],
    );
    expect(seen).toEqual(rows.map((r: { id: string }) => r.id));

    const big = await t.gql(org(), LIST, { l: localId, first: 101 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await t.gql(org(), LIST, { l: localId, first: 100 })).errors).toBeUndefined();
  });

  it('filters by workplace, status, support level, tag, contact and archive', async () => {
    const { t, w } = ctx;
    const local = await makeLocal(t.db, 'Filter local', LocalKind.TENANT_UNION);
    await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    const site = await makeWorkplace(t.db, local, { name: 'Tower', kind: WorkplaceKind.BUILDING });
    const insert = (first: string, extra: string, values: unknown[]) =>
      t.db.query(
        `insert into member (local_id, first_name, last_name${extra ? ', ' + extra : ''}) values ($1, $2, 'F'${values.map((_, i) => `, $${i + 3}`).join('')})`,
        [local, first, ...values],
      );
    await insert('AtTower', 'workplace_id, status, support_level, tags, last_contact_at', [
      site,
      'MEMBER',
      1,
      ['leader'],
      new Date('2026-11-01'),
    ]);
    await insert('Prospect', 'status, support_level, last_contact_at', [
      'PROSPECT',
      3,
      new Date('2026-01-01'),
    ]);
    await insert('Never', '', []);
    await insert('Archived', 'archived_at, status', [new Date(), 'MEMBER']);
    const names = async (filter: Record<string, unknown>) =>
      (await t.gql<Page>(org(), LIST, { l: local, filter }))
        .data!.members.nodes.map((n) => n.firstName)
        .sort();
    expect(await names({})).toEqual(['AtTower', 'Never', 'Prospect']);
    expect(await names({ workplaceId: site })).toEqual(['AtTower']);
    expect(await names({ status: 'MEMBER' })).toEqual(['AtTower']);
    expect(await names({ supportLevel: 3 })).toEqual(['Prospect']);
    expect(await names({ tag: 'LEADER' })).toEqual(['AtTower']);
    expect(await names({ notContactedSince: '2026-06-01T00:00:00Z' })).toEqual(['Never', 'Prospect']);
    expect(await names({ includeArchived: true, status: 'MEMBER' })).toEqual(['Archived', 'AtTower']);
    const bad = await t.gql(org(), LIST, { l: local, filter: { supportLevel: 6 } });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('filters by unit, with the workplace or a search too; a malformed unit id is BAD_USER_INPUT', async () => {
    const { t, w } = ctx;
    const local = await makeLocal(t.db, 'Unit local');
    await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    const site = await makeWorkplace(t.db, local, { name: 'Bakery' });
    const [day, night] = [
      await makeUnit(t.db, local, site, 'Day'),
      await makeUnit(t.db, local, site, 'Night'),
    ];
    await makeMember(t.db, local, { workplaceId: site, unitId: day, firstName: 'Dia' });
    await makeMember(t.db, local, { workplaceId: site, unitId: day, firstName: 'Dora' });
    await makeMember(t.db, local, { workplaceId: site, unitId: night, firstName: 'Noe' });
    await makeMember(t.db, local, { workplaceId: site, firstName: 'Nobody' });
    const names = async (filter: Record<string, unknown>) =>
      (await t.gql<Page>(org(), LIST, { l: local, filter }))
        .data!.members.nodes.map((n) => n.firstName)
        .sort();
    expect(await names({ unitId: day })).toEqual(['Dia', 'Dora']);
    expect(await names({ unitId: night })).toEqual(['Noe']);
    expect(await names({ unitId: day, workplaceId: site })).toEqual(['Dia', 'Dora']);
    expect(await names({ unitId: day, search: 'dora' })).toEqual(['Dora']);
    const bad = await t.gql(org(), LIST, { l: local, filter: { unitId: 'not-an-id' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(bad.data).toBeNull();
  });

  it('updates only the fields given; null clears an optional one', async () => {
    const created = await create({
      firstName: 'Lan',
      lastName: 'Tran',
      email: 'lan@example.org',
      preferredName: 'Lani',
      workplaceId: ctx.w.own.assigned,
    });
    const id = created.data!.createMember.id as string;
    const UPDATE =
      'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { firstName email preferredName status workplace { id } } }';
    const res = await ctx.t.gql(org(), UPDATE, { id, input: { preferredName: null, status: 'MEMBER' } });
    expect(res.data).toEqual({
      updateMember: {
        firstName: 'Lan',
        email: 'lan@example.org',
        preferredName: null,
        status: 'MEMBER',
        workplace: { id: ctx.w.own.assigned },
      },
    });
    const blankName = await ctx.t.gql(org(), UPDATE, { id, input: { firstName: null } });
    expect(blankName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
  });

  describe('alertOptIn, consent to rapid-response texts', () => {
    const CREATE_OPT_IN = `mutation($input: MemberInput!) { createMember(input: $input) { id alertOptIn } }`;
    const UPDATE_OPT_IN = `mutation($id: ID!, $input: UpdateMemberInput!) {
      updateMember(id: $id, input: $input) { alertOptIn preferredName }
    }`;
    const createOptIn = (input: Record<string, unknown>) =>
      ctx.t.gql<{ createMember: { id: string; alertOptIn: boolean } }>(org(), CREATE_OPT_IN, {
        input: { localId: ctx.w.own.id, firstName: 'Consent', lastName: 'Giver', ...input },
      });
    const stored = async (id: string) =>
      (await ctx.t.db.query('select alert_opt_in from member where id = $1', [id])).rows[0].alert_opt_in;

    it('is false unless given at creation, and true when given', async () => {
      const without = await createOptIn({});
      expect(without.errors).toBeUndefined();
      expect(without.data!.createMember.alertOptIn).toBe(false);
      expect(await stored(without.data!.createMember.id)).toBe(false);
      const withNull = await createOptIn({ alertOptIn: null });
      expect(withNull.data!.createMember.alertOptIn).toBe(false);
      const optedIn = await createOptIn({ alertOptIn: true });
      expect(optedIn.errors).toBeUndefined();
      expect(optedIn.data!.createMember.alertOptIn).toBe(true);
      expect(await stored(optedIn.data!.createMember.id)).toBe(true);
      // Whoever reads the member reads it.
      const read = await ctx.t.gql(org(), 'query($id: ID!) { member(id: $id) { alertOptIn } }', {
        id: optedIn.data!.createMember.id,
      });
      expect(read.data).toEqual({ member: { alertOptIn: true } });
    });

    it('is set and withdrawn by updateMember; null or leaving it out keeps it', async () => {
      const id = (await createOptIn({})).data!.createMember.id;
      const update = (input: Record<string, unknown>) =>
        ctx.t.gql<{ updateMember: { alertOptIn: boolean } }>(org(), UPDATE_OPT_IN, { id, input });
      expect((await update({ alertOptIn: true })).data!.updateMember.alertOptIn).toBe(true);
      expect(await stored(id)).toBe(true);
      expect((await update({ alertOptIn: null })).data!.updateMember.alertOptIn).toBe(true);
      expect((await update({ preferredName: 'Con' })).data!.updateMember).toEqual({
        alertOptIn: true,
        preferredName: 'Con',
      });
      expect(await stored(id)).toBe(true);
      expect((await update({ alertOptIn: false })).data!.updateMember.alertOptIn).toBe(false);
      expect(await stored(id)).toBe(false);
      // The audit event names the member and nothing of what changed.
      const audit = await ctx.t.db.query(
        `select detail from audit_event where target_id = $1 and action = 'member.update'`,
        [id],
      );
      expect(audit.rows).toHaveLength(4);
      expect(audit.rows.every((r: { detail: unknown }) => r.detail === null)).toBe(true);
    });

    it.each([['yes'], [1], ['true'], [[true]]])(
      'refuses %p with BAD_USER_INPUT, on create and on update, and stores nothing',
      async (value) => {
        const before = (await ctx.t.db.query('select count(*)::int as n from member')).rows[0].n;
        const created = await createOptIn({ alertOptIn: value });
        expect(created.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect((await ctx.t.db.query('select count(*)::int as n from member')).rows[0].n).toBe(before);
        const id = await makeMember(ctx.t.db, ctx.w.own.id);
        const updated = await ctx.t.gql(org(), UPDATE_OPT_IN, { id, input: { alertOptIn: value } });
        expect(updated.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(await stored(id)).toBe(false);
      },
    );
  });

  describe('a steward', () => {
    const steward = () => ctx.w.own.users.STEWARD.token;

    it('sees and works with the members of their assigned workplaces only', async () => {
      const { t, w } = ctx;
      const mine = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: 'Mine' });
      const theirs = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned, firstName: 'Theirs' });
      const nowhere = await makeMember(t.db, w.own.id, { firstName: 'Nowhere' });

      const list = await t.gql<Page>(steward(), LIST, { l: w.own.id, first: 100 });
      const ids = list.data!.members.nodes.map((n) => n.id);
      expect(ids).toContain(mine);
      expect(ids).not.toContain(theirs);
      expect(ids).not.toContain(nowhere);
      // Asking for the other workplace narrows to nothing, silently.
      const asked = await t.gql<Page>(steward(), LIST, {
        l: w.own.id,
        filter: { workplaceId: w.own.unassigned },
      });
      expect(asked.data!.members).toMatchObject({ totalCount: 0, nodes: [] });

      for (const id of [theirs, nowhere]) {
        expect((await t.gql(steward(), 'query($id: ID!) { member(id: $id) { id } }', { id })).data).toEqual({
          member: null,
        });
        const upd = await t.gql(
          steward(),
          'mutation($id: ID!) { updateMember(id: $id, input: { tags: ["x"] }) { id } }',
          { id },
        );
        expect(upd.errors?.[0].extensions.code).toBe('NOT_FOUND');
      }
      expect(
        (await t.gql(steward(), 'query($id: ID!) { member(id: $id) { id } }', { id: mine })).data,
      ).toEqual({ member: { id: mine } });
    });

    it("never sees an unassigned workplace's member through a unit filter", async () => {
      const { t, w } = ctx;
      const mineUnit = await makeUnit(t.db, w.own.id, w.own.assigned);
      const theirUnit = await makeUnit(t.db, w.own.id, w.own.unassigned);
      const mine = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, unitId: mineUnit });
      await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned, unitId: theirUnit });
      const list = (filter: Record<string, unknown>) => t.gql<Page>(steward(), LIST, { l: w.own.id, filter });
      expect((await list({ unitId: mineUnit })).data!.members).toMatchObject({
        totalCount: 1,
        nodes: [{ id: mine }],
      });
      // The unit of a workplace not on the assignment narrows to nothing, silently, as its workplace does.
      const theirs = await list({ unitId: theirUnit });
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data!.members).toMatchObject({ totalCount: 0, nodes: [] });
      const both = await list({ unitId: theirUnit, workplaceId: w.own.unassigned });
      expect(both.data!.members).toMatchObject({ totalCount: 0, nodes: [] });
      // An organizer of the local sees that member through the same filter.
      expect(
        (await t.gql<Page>(org(), LIST, { l: w.own.id, filter: { unitId: theirUnit } })).data!.members
          .totalCount,
      ).toBe(1);
    });

    it('adds members only to an assigned workplace, and cannot move them out of it', async () => {
      const { t, w } = ctx;
      const base = { localId: w.own.id, firstName: 'New', lastName: 'Hire' };
      const none = await t.gql(steward(), CREATE, { input: base });
      expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceId' });
      const other = await t.gql(steward(), CREATE, { input: { ...base, workplaceId: w.own.unassigned } });
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceId' });
      const ok = await t.gql<{ createMember: { id: string } }>(steward(), CREATE, {
        input: { ...base, workplaceId: w.own.assigned },
      });
      expect(ok.errors).toBeUndefined();
      const move = await t.gql(
        steward(),
        'mutation($id: ID!, $w: ID!) { updateMember(id: $id, input: { workplaceId: $w }) { id } }',
        {
          id: ok.data!.createMember.id,
          w: w.own.unassigned,
        },
      );
      expect(move.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceId' });
    });
  });

  describe("a steward's write reveals nothing outside their workplaces", () => {
    const steward = () => ctx.w.own.users.STEWARD.token;
    const UPDATE =
      'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id email phone } }';
    const DUPLICATES = `query($l: ID!) { possibleDuplicates(localId: $l, first: 100) {
      totalCount nodes { id matchedOn member { id } other { id } } } }`;
    type Duplicates = {
      possibleDuplicates: {
        totalCount: number;
        nodes: { id: string; matchedOn: string[]; member: { id: string }; other: { id: string } }[];
      };
    };
    /** A member at the workplace the steward is not assigned to, with both contact details. */
    const elsewhere = async (email: string, phone: string) =>
      (
        await ctx.t.db.query(
          `insert into member (local_id, workplace_id, first_name, last_name, email, phone)
           values ($1, $2, 'Hidden', 'Worker', $3, $4) returning id`,
          [ctx.w.own.id, ctx.w.own.unassigned, email, phone],
        )
      ).rows[0].id as string;
    /** What the steward sees of an answer: the error codes, or the fields they sent back. */
    const answer = (res: { errors?: { extensions: { code: string } }[]; data?: unknown }) =>
      res.errors ? res.errors.map((e) => e.extensions.code) : 'ok';
    const stewardCreate = (input: Record<string, unknown>) =>
      ctx.t.gql<{ createMember: { id: string; email: string | null; phone: string | null } }>(
        steward(),
        CREATE,
        {
          input: {
            localId: ctx.w.own.id,
            workplaceId: ctx.w.own.assigned,
            firstName: 'New',
            lastName: 'Hire',
            ...input,
          },
        },
      );
    const pairsOf = async (id: string) =>
      (
        await ctx.t.gql<Duplicates>(org(), DUPLICATES, { l: ctx.w.own.id })
      ).data!.possibleDuplicates.nodes.filter((n) => n.member.id === id || n.other.id === id);

    it('answers a create or update with a detail held at another workplace exactly as with a fresh one, and flags the pair for an organizer', async () => {
      const { t, w } = ctx;
      const hidden = await elsewhere('hidden.worker@example.org', '+17185550100');

      // Creating: the same answer with the other site's email or phone as with a fresh one.
      const fresh = await stewardCreate({ email: 'fresh.one@example.org', phone: '718-555-0101' });
      const sameEmail = await stewardCreate({ email: 'Hidden.Worker@example.org' });
      const samePhone = await stewardCreate({ phone: '(718) 555-0100' });
      expect([answer(fresh), answer(sameEmail), answer(samePhone)]).toEqual(['ok', 'ok', 'ok']);
      expect(sameEmail.data!.createMember.email).toBe('hidden.worker@example.org');
      expect(samePhone.data!.createMember.phone).toBe('+17185550100');

      // Updating one of their members: likewise, against another worker there (the first one's
      // details are now also held by the steward's own new members, whom the steward can see).
      const hidden2 = await elsewhere('second.hidden@example.org', '+17185550200');
      const mine = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: 'Mine' });
      const updFresh = await t.gql(steward(), UPDATE, {
        id: mine,
        input: { email: 'mine.fresh@example.org' },
      });
      const updEmail = await t.gql(steward(), UPDATE, {
        id: mine,
        input: { email: 'second.hidden@example.org' },
      });
      const updPhone = await t.gql(steward(), UPDATE, { id: mine, input: { phone: '+1 718 555 0200' } });
      expect([answer(updFresh), answer(updEmail), answer(updPhone)]).toEqual(['ok', 'ok', 'ok']);

      // The organizer sees each pair once, with what matched.
      expect(await pairsOf(fresh.data!.createMember.id)).toEqual([]);
      const flagged = (id: string) =>
        pairsOf(id).then((ps) => ps.map((p) => [p.member.id, p.other.id, p.matchedOn]));
      expect(await flagged(sameEmail.data!.createMember.id)).toEqual([
        [sameEmail.data!.createMember.id, hidden, ['EMAIL']],
      ]);
      expect(await flagged(samePhone.data!.createMember.id)).toEqual([
        [samePhone.data!.createMember.id, hidden, ['PHONE']],
      ]);
      expect(await flagged(mine)).toEqual([[mine, hidden2, ['EMAIL', 'PHONE']]]);
      // The audit log (LOCAL_ADMIN only) counts the flags; it names no one.
      const audit = await t.db.query(
        `select detail from audit_event where target_id = $1 and action = 'member.create'`,
        [sameEmail.data!.createMember.id],
      );
      expect(audit.rows).toEqual([{ detail: { possibleDuplicates: 1 } }]);
      // A steward cannot read the review queue.
      expect(answer(await t.gql(steward(), DUPLICATES, { l: w.own.id }))).toEqual(['FORBIDDEN']);
    });

    it('answers CONFLICT only for a member the steward can see, as organizers always get', async () => {
      const { t, w } = ctx;
      await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, email: 'visible.one@example.org' });
      const res = await stewardCreate({ email: 'visible.one@example.org' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
      // An organizer sees the whole local: a detail anyone has is a CONFLICT for them.
      await elsewhere('org.sees@example.org', '+17185550188');
      const org1 = await create({ firstName: 'A', lastName: 'B', email: 'org.sees@example.org' });
      expect(org1.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
      const org2 = await create({ firstName: 'A', lastName: 'B', phone: '718 555 0188' });
      expect(org2.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'phone' });
    });

    it("makes writes that set a contact detail take turns on the local's lock, since the database no longer enforces it", async () => {
      const { t, w } = ctx;
      // Another writer of the local's contact details, mid-transaction.
      const other = await t.db.connect();
      try {
        await other.query('begin');
        await other.query(`select pg_advisory_xact_lock(hashtextextended('member-contact:' || $1, 0))`, [
          w.own.id,
        ]);
        let settled = 0;
        const attempts = [1, 2].map((i) =>
          create({ firstName: 'Racer', lastName: `N${i}`, email: 'race@example.org' }).finally(
            () => settled++,
          ),
        );
        await new Promise((r) => setTimeout(r, 700));
        expect(settled).toBe(0);
        await other.query('commit');
        const codes = (await Promise.all(attempts)).map((r) => r.errors?.[0].extensions.code ?? 'ok').sort();
        expect(codes).toEqual(['CONFLICT', 'ok']);
      } finally {
        other.release();
      }
    });

    it('lets an organizer merge a flagged pair into one member, or dismiss it', async () => {
      const { t, w } = ctx;
      const hidden = await elsewhere('merge.me@example.org', '+17185550111');
      await t.db.query(
        `update member set tags = '{leader}', support_level = 2, assessed_at = now() - interval '2 days' where id = $1`,
        [hidden],
      );
      const created = await stewardCreate({
        email: 'merge.me@example.org',
        preferredName: 'Mer',
        tags: ['night shift'],
      });
      const dup = created.data!.createMember.id;
      const [pair] = await pairsOf(dup);
      // Both signed one petition, and the steward's record has a conversation.
      const petition = await makePetition(t.db, w.own.id, { status: 'OPEN' });
      const other = await makePetition(t.db, w.own.id, { status: 'OPEN' });
      const stewardId = w.own.users.STEWARD.id;
      await makeSignature(t.db, w.own.id, petition, hidden, stewardId);
      await makeSignature(t.db, w.own.id, petition, dup, stewardId);
      await makeSignature(t.db, w.own.id, other, dup, stewardId);
      const talk = await makeOneOnOne(t.db, w.own.id, dup, stewardId, { supportLevel: 1 });
      await t.db.query(
        `update member set support_level = 1, assessed_at = now(), last_contact_at = now() where id = $1`,
        [dup],
      );

      const MERGE =
        'mutation($id: ID!, $keep: ID!) { mergePossibleDuplicate(id: $id, keepMemberId: $keep) { id email phone preferredName tags supportLevel workplace { id } } }';
      const stranger = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
      const wrong = await t.gql(org(), MERGE, { id: pair.id, keep: stranger });
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keepMemberId' });
      const merged = await t.gql(org(), MERGE, { id: pair.id, keep: hidden });
      expect(merged.errors).toBeUndefined();
      expect(merged.data).toEqual({
        mergePossibleDuplicate: {
          id: hidden,
          email: 'merge.me@example.org',
          phone: '+17185550111',
          preferredName: 'Mer',
          tags: ['leader', 'night shift'],
          supportLevel: 1,
          workplace: { id: w.own.unassigned },
        },
      });
      const count = async (sql: string, args: unknown[]) => (await t.db.query(sql, args)).rows[0].n;
      expect(await count('select count(*)::int as n from member where id = $1', [dup])).toBe(0);
      expect(
        await count('select count(*)::int as n from one_on_one where id = $1 and member_id = $2', [
          talk,
          hidden,
        ]),
      ).toBe(1);
      expect(await count('select count(*)::int as n from signature where member_id = $1', [hidden])).toBe(2);
      expect(await count('select count(*)::int as n from possible_duplicate where id = $1', [pair.id])).toBe(
        0,
      );
      const events = await t.db.query(
        `select action, target_id from audit_event where action = 'member.merge'`,
      );
      expect(events.rows).toEqual([{ action: 'member.merge', target_id: dup }]);

      // Two people sharing a family phone: dismissed, both stay.
      const sister = await elsewhere('sister@example.org', '+17185550122');
      const brother = await stewardCreate({ phone: '+17185550122' });
      const [family] = await pairsOf(sister);
      const dismissed = await t.gql(org(), 'mutation($id: ID!) { dismissPossibleDuplicate(id: $id) }', {
        id: family.id,
      });
      expect(dismissed.data).toEqual({ dismissPossibleDuplicate: true });
      expect(await pairsOf(sister)).toEqual([]);
      expect(
        await count('select count(*)::int as n from member where id = any($1)', [
          [sister, brother.data!.createMember.id],
        ]),
      ).toBe(2);
      // Gone means gone: a second try finds nothing.
      const again = await t.gql(org(), 'mutation($id: ID!) { dismissPossibleDuplicate(id: $id) }', {
        id: family.id,
      });
      expect(again.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    describe("a merge that waited for the local's lock reads the pair again", () => {
      const MERGE =
        'mutation($id: ID!, $keep: ID!) { mergePossibleDuplicate(id: $id, keepMemberId: $keep) { id } }';
      const code = (r: { errors?: { extensions: { code: string } }[] }) =>
        r.errors?.[0].extensions.code ?? 'ok';
      const count = async (sql: string, args: unknown[]) =>
        (await ctx.t.db.query(sql, args)).rows[0].n as number;
      /** Two records of one person, flagged, each with a conversation and a signature of its own. */
      const flaggedPair = async (round: number) => {
        const { t, w } = ctx;
        const stewardId = w.own.users.STEWARD.id;
        const a = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: `A${round}` });
        const b = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: `B${round}` });
        const pair = (
          await t.db.query(
            `insert into possible_duplicate (local_id, member_id, other_member_id, matched) values ($1, $2, $3, '{PHONE}') returning id`,
            [w.own.id, a, b],
          )
        ).rows[0].id as string;
        const talks = [
          await makeOneOnOne(t.db, w.own.id, a, stewardId),
          await makeOneOnOne(t.db, w.own.id, b, stewardId),
        ];
        const signatures = [
          await makeSignature(
            t.db,
            w.own.id,
            await makePetition(t.db, w.own.id, { status: 'OPEN' }),
            a,
            stewardId,
          ),
          await makeSignature(
            t.db,
            w.own.id,
            await makePetition(t.db, w.own.id, { status: 'OPEN' }),
            b,
            stewardId,
          ),
        ];
        return { a, b, pair, talks, signatures };
      };
      /**
       * Runs `first` while another transaction holds the local's contact lock, so that it reads
       * the pair and then waits; runs `meanwhile` to completion; then lets `first` go on.
       */
      const whileWaiting = async <T, U>(first: () => Promise<T>, meanwhile: () => Promise<U>) => {
        const holder = await ctx.t.db.connect();
        try {
          await holder.query('begin');
          await holder.query(`select pg_advisory_xact_lock(hashtextextended('member-contact:' || $1, 0))`, [
            ctx.w.own.id,
          ]);
          const waiting = first();
          await new Promise((r) => setTimeout(r, 500));
          const other = meanwhile();
          // `meanwhile` may itself wait for the lock (a merge): release it once both have read.
          await new Promise((r) => setTimeout(r, 500));
          await holder.query('commit');
          return [await waiting, await other] as const;
        } finally {
          holder.release();
        }
      };
      const expectOneSurvivor = async (p: Awaited<ReturnType<typeof flaggedPair>>, survivor: string) => {
        expect(await count('select count(*)::int as n from member where id = any($1)', [[p.a, p.b]])).toBe(1);
        expect(await count('select count(*)::int as n from member where id = $1', [survivor])).toBe(1);
        expect(
          await count('select count(*)::int as n from one_on_one where id = any($1) and member_id = $2', [
            p.talks,
            survivor,
          ]),
        ).toBe(2);
        expect(
          await count('select count(*)::int as n from signature where id = any($1) and member_id = $2', [
            p.signatures,
            survivor,
          ]),
        ).toBe(2);
        const merges = await ctx.t.db.query(
          `select target_id from audit_event where action = 'member.merge' and target_id = any($1)`,
          [[p.a, p.b]],
        );
        expect(merges.rows).toEqual([{ target_id: survivor === p.a ? p.b : p.a }]);
      };

      it('two organizers merging the same pair, one keeping each member: one merge, the other NOT_FOUND, nothing lost', async () => {
        const { t } = ctx;
        for (let round = 0; round < 4; round++) {
          const p = await flaggedPair(round);
          const [keepA, keepB] =
            round < 2
              ? // Forced: both read the pair before either takes the lock.
                await whileWaiting(
                  () =>
                    t.gql<{ mergePossibleDuplicate: { id: string } }>(org(), MERGE, {
                      id: p.pair,
                      keep: p.a,
                    }),
                  () =>
                    t.gql<{ mergePossibleDuplicate: { id: string } }>(org(), MERGE, {
                      id: p.pair,
                      keep: p.b,
                    }),
                )
              : // Unforced: as two people would, at once.
                await Promise.all([
                  t.gql<{ mergePossibleDuplicate: { id: string } }>(org(), MERGE, { id: p.pair, keep: p.a }),
                  t.gql<{ mergePossibleDuplicate: { id: string } }>(org(), MERGE, { id: p.pair, keep: p.b }),
                ]);
          expect([code(keepA), code(keepB)].sort()).toEqual(['NOT_FOUND', 'ok']);
          const survivor = code(keepA) === 'ok' ? p.a : p.b;
          expect((code(keepA) === 'ok' ? keepA : keepB).data!.mergePossibleDuplicate.id).toBe(survivor);
          await expectOneSurvivor(p, survivor);
        }
      });

      it('a dismissal or an erasure that commits while a merge waits makes the merge NOT_FOUND, with nothing written', async () => {
        const { t, w } = ctx;
        const dismissed = await flaggedPair(10);
        const [merge1, dismiss] = await whileWaiting(
          () => t.gql(org(), MERGE, { id: dismissed.pair, keep: dismissed.a }),
          () =>
            t.gql(org(), 'mutation($id: ID!) { dismissPossibleDuplicate(id: $id) }', { id: dismissed.pair }),
        );
        expect([code(dismiss), code(merge1)]).toEqual(['ok', 'NOT_FOUND']);
        expect(
          await count('select count(*)::int as n from member where id = any($1)', [
            [dismissed.a, dismissed.b],
          ]),
        ).toBe(2);

        // The member to keep is erased meanwhile: the other record stays, with its own history.
        const erased = await flaggedPair(11);
        const admin = w.own.users.LOCAL_ADMIN.token;
        const [merge2, erase] = await whileWaiting(
          () => t.gql(org(), MERGE, { id: erased.pair, keep: erased.a }),
          () => t.gql(admin, 'mutation($id: ID!) { eraseMember(id: $id) }', { id: erased.a }),
        );
        expect([code(erase), code(merge2)]).toEqual(['ok', 'NOT_FOUND']);
        expect(await count('select count(*)::int as n from member where id = $1', [erased.b])).toBe(1);
        expect(await count('select count(*)::int as n from signature where member_id = $1', [erased.b])).toBe(
          1,
        );
        expect(
          await count(
            `select count(*)::int as n from audit_event where action = 'member.merge' and target_id = $1`,
            [erased.b],
          ),
        ).toBe(0);
      });

      it('an archive, erasure or update of a member merged away while it waited is NOT_FOUND, not a 500 or a false success', async () => {
        const { t, w } = ctx;
        const admin = w.own.users.LOCAL_ADMIN.token;
        for (const [mutation, action] of [
          ['mutation($id: ID!) { archiveMember(id: $id) { id } }', 'member.archive'],
          ['mutation($id: ID!) { eraseMember(id: $id) }', 'member.erase'],
          [
            'mutation($id: ID!) { updateMember(id: $id, input: { firstName: "Late" }) { id } }',
            'member.update',
          ],
        ] as const) {
          const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
          // A merge mid-transaction holds the row it is about to delete.
          const res = await whileRowHeld(
            t.db,
            { table: 'member', id },
            () => t.gql(admin, mutation, { id }),
            (merging) => merging.query('delete from member where id = $1', [id]),
          );
          expect(code(res)).toBe('NOT_FOUND');
          expect(
            await count('select count(*)::int as n from audit_event where action = $1 and target_id = $2', [
              action,
              id,
            ]),
          ).toBe(0);
        }
      });
    });
  });

  it('shows a board member no member at all, only counts', async () => {
    const { t, w } = ctx;
    const board = w.own.users.BOARD_MEMBER.token;
    expect((await t.gql(board, LIST, { l: w.own.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const counts = await t.gql<{ workplaces: { nodes: { memberCount: number }[] } }>(
      board,
      'query($l: ID!) { workplaces(localId: $l) { nodes { memberCount } } }',
      { l: w.own.id },
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.workplaces.nodes.length).toBe(2);
  });

  it('erases a member for good, leaving one audit event with the id and nothing personal', async () => {
    const { t, w } = ctx;
    const admin = w.own.users.LOCAL_ADMIN.token;
    const site = w.own.unassigned;
    const countQ = 'query($id: ID!) { workplace(id: $id) { memberCount } }';
    const before = (await t.gql<{ workplace: { memberCount: number } }>(admin, countQ, { id: site })).data!
      .workplace.memberCount;
    const id = await makeMember(t.db, w.own.id, {
      workplaceId: site,
      firstName: 'Erasable',
      lastName: 'Person',
      email: 'erase.me@example.org',
    });
    expect(
      (await t.gql<{ workplace: { memberCount: number } }>(admin, countQ, { id: site })).data!.workplace
        .memberCount,
    ).toBe(before + 1);

    const res = await t.gql(admin, 'mutation($id: ID!) { eraseMember(id: $id) }', { id });
    expect(res.data).toEqual({ eraseMember: true });
    expect((await t.db.query('select count(*)::int as n from member where id = $1', [id])).rows[0].n).toBe(0);
    expect(
      (await t.gql<{ workplace: { memberCount: number } }>(admin, countQ, { id: site })).data!.workplace
        .memberCount,
    ).toBe(before);
    const events = await t.db.query(`select * from audit_event where target_id = $1`, [id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ action: 'member.erase', target_type: 'Member' });
    expect(JSON.stringify(events.rows)).not.toMatch(/Erasable|erase\.me/);
    // A second erasure finds nothing.
    expect(
      (await t.gql(admin, 'mutation($id: ID!) { eraseMember(id: $id) }', { id })).errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
  });
});
