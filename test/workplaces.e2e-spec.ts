import { makeMember, useWorld } from '@juntos/test-support';

const CREATE = `mutation($input: WorkplaceInput!) {
  createWorkplace(input: $input) { id name kind employer address headcount memberCount archivedAt local { id } units { id name } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateWorkplaceInput!) {
  updateWorkplace(id: $id, input: $input) { id name address headcount units { id name } }
}`;

type Wp = { id: string; units: { id: string; name: string }[]; memberCount: number };

describe('workplaces', () => {
  const ctx = useWorld();

  it('maps a building with its homes, landlord and headcount', async () => {
    const { t, w } = ctx;
    const res = await t.gql<{ createWorkplace: Wp }>(w.own.users.ORGANIZER.token, CREATE, {
      input: {
        localId: w.own.id,
        name: '  1520 Sedgwick Ave ',
        kind: 'BUILDING',
        employer: 'Sedgwick Holdings LLC',
        address: '1520 Sedgwick Ave, Bronx, NY',
        headcount: 102,
        units: ['1A', '1B', '2A'],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createWorkplace).toMatchObject({
      name: '1520 Sedgwick Ave',
      kind: 'BUILDING',
      employer: 'Sedgwick Holdings LLC',
      headcount: 102,
      memberCount: 0,
      archivedAt: null,
      local: { id: w.own.id },
      units: [{ name: '1A' }, { name: '1B' }, { name: '2A' }],
    });
  });

  it('keeps units by name, adds new ones, and refuses to drop one that still has members', async () => {
    const { t, w } = ctx;
    const org = w.own.users.ORGANIZER.token;
    const created = (
      await t.gql<{ createWorkplace: Wp }>(org, CREATE, {
        input: { localId: w.own.id, name: 'Harbor Hotel', kind: 'WORKSITE', units: ['Kitchen', 'Laundry'] },
      })
    ).data!.createWorkplace;
    const kitchen = created.units.find((u) => u.name === 'Kitchen')!;
    await t.db.query(
      'insert into member (local_id, workplace_id, unit_id, first_name, last_name) values ($1, $2, $3, $4, $5)',
      [w.own.id, created.id, kitchen.id, 'Ngọc', 'Phạm'],
    );

    const grown = await t.gql<{ updateWorkplace: Wp }>(org, UPDATE, {
      id: created.id,
      input: { units: ['Kitchen', 'Laundry', 'Housekeeping'] },
    });
    expect(grown.errors).toBeUndefined();
    const kept = grown.data!.updateWorkplace.units.find((u) => u.name === 'Kitchen')!;
    expect(kept.id).toBe(kitchen.id); // the same unit, so its members stay in it
    expect(grown.data!.updateWorkplace.units.map((u) => u.name)).toEqual([
      'Housekeeping',
      'Kitchen',
      'Laundry',
    ]);

    const dropLaundry = await t.gql<{ updateWorkplace: Wp }>(org, UPDATE, {
      id: created.id,
      input: { units: ['Kitchen', 'Housekeeping'] },
    });
    expect(dropLaundry.data!.updateWorkplace.units.map((u) => u.name)).toEqual(['Housekeeping', 'Kitchen']);

    const dropKitchen = await t.gql(org, UPDATE, {
      id: created.id,
      input: { units: ['Housekeeping'], address: 'changed' },
    });
    expect(dropKitchen.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'units' });
    expect(dropKitchen.errors?.[0].message).toContain('Kitchen');
    // Nothing of the refused update was kept, not even the address.
    const { rows } = await t.db.query('select address from workplace where id = $1', [created.id]);
    expect(rows[0].address).toBeNull();
  });

  it('counts members who are not archived', async () => {
    const { t, w } = ctx;
    const site = w.own.unassigned;
    await makeMember(t.db, w.own.id, { workplaceId: site });
    await makeMember(t.db, w.own.id, { workplaceId: site });
    await makeMember(t.db, w.own.id, { workplaceId: site, archived: true });
    const res = await t.gql<{ workplace: Wp }>(
      w.own.users.BOARD_MEMBER.token,
      'query($id: ID!) { workplace(id: $id) { memberCount } }',
      { id: site },
    );
    expect(res.data!.workplace.memberCount).toBe(2);
  });

  it('validates at the edge, naming the field', async () => {
    const { t, w } = ctx;
    const org = w.own.users.ORGANIZER.token;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ headcount: -1 }, 'headcount'],
      [{ units: ['ok', ''] }, 'units'],
      [{ units: ['Night', 'Night'] }, 'units'],
    ];
    for (const [override, field] of cases) {
      const res = await t.gql(org, CREATE, {
        input: { localId: w.own.id, name: `Site ${field}`, kind: 'WORKSITE', ...override },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const dup = await t.gql(org, CREATE, {
      input: { localId: w.own.id, name: 'Own assigned site', kind: 'WORKSITE' },
    });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('archives, and lists archived workplaces only when asked', async () => {
    const { t, w } = ctx;
    const org = w.own.users.ORGANIZER.token;
    const site = (
      await t.gql<{ createWorkplace: Wp }>(org, CREATE, {
        input: { localId: w.own.id, name: 'Closed plant', kind: 'WORKSITE' },
      })
    ).data!.createWorkplace;
    await t.gql(org, 'mutation($id: ID!) { archiveWorkplace(id: $id) { id } }', { id: site.id });
    const LIST =
      'query($l: ID!, $all: Boolean) { workplaces(localId: $l, includeArchived: $all, first: 100) { nodes { id } } }';
    const active = await t.gql<{ workplaces: { nodes: { id: string }[] } }>(org, LIST, { l: w.own.id });
    const all = await t.gql<{ workplaces: { nodes: { id: string }[] } }>(org, LIST, {
      l: w.own.id,
      all: true,
    });
    expect(active.data!.workplaces.nodes.map((n) => n.id)).not.toContain(site.id);
    expect(all.data!.workplaces.nodes.map((n) => n.id)).toContain(site.id);
  });

  it('shows a steward only the workplaces of their assignment', async () => {
    const { t, w } = ctx;
    const steward = w.own.users.STEWARD.token;
    expect(
      (await t.gql(steward, 'query($id: ID!) { workplace(id: $id) { id } }', { id: w.own.unassigned })).data,
    ).toEqual({ workplace: null });
    expect(
      (await t.gql(steward, 'query($id: ID!) { workplace(id: $id) { id } }', { id: w.own.assigned })).data,
    ).toEqual({ workplace: { id: w.own.assigned } });
  });
});
