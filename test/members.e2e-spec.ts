import { makeMember, useWorld } from '@juntos/testing';

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
    const local = await t.db.query(
      `insert into local (name, kind) values ('Paging local', 'UNION_LOCAL') returning id`,
    );
    const localId = local.rows[0].id;
    await t.db.query('insert into role_assignment (local_id, user_id, role) values ($1, $2, $3)', [
      localId,
      w.own.users.ORGANIZER.id,
      'ORGANIZER',
    ]);
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
    const local = (
      await t.db.query(`insert into local (name, kind) values ('Filter local', 'TENANT_UNION') returning id`)
    ).rows[0].id;
    await t.db.query('insert into role_assignment (local_id, user_id, role) values ($1, $2, $3)', [
      local,
      w.own.users.ORGANIZER.id,
      'ORGANIZER',
    ]);
    const site = (
      await t.db.query(
        `insert into workplace (local_id, name, kind) values ($1, 'Tower', 'BUILDING') returning id`,
        [local],
      )
    ).rows[0].id;
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
