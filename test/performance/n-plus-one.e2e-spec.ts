import { countStatements, makeOneOnOne, useWorld } from '@juntos/testing';

/** Counting statements, not timing: a page of 10 and a page of 100 must cost the same round trips. */
describe('no N+1', () => {
  const ctx = useWorld();

  it('runs the same number of statements for a members page of 10 and of 100, with workplace, unit and last one-on-one', async () => {
    const { t, w } = ctx;
    const local = (
      await t.db.query(`insert into local (name, kind) values ('N+1 local', 'UNION_LOCAL') returning id`)
    ).rows[0].id;
    await t.db.query(`insert into role_assignment (local_id, user_id, role) values ($1, $2, 'ORGANIZER')`, [
      local,
      w.own.users.ORGANIZER.id,
    ]);
    const sites: { id: string; units: string[] }[] = [];
    for (let s = 0; s < 4; s++) {
      const id = (
        await t.db.query(
          `insert into workplace (local_id, name, kind) values ($1, $2, 'WORKSITE') returning id`,
          [local, `Site ${s}`],
        )
      ).rows[0].id;
      const units = [];
      for (const name of ['Day', 'Night'])
        units.push(
          (
            await t.db.query(
              'insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id',
              [local, id, name],
            )
          ).rows[0].id,
        );
      sites.push({ id, units });
    }
    const members = (
      await t.db.query(
        `insert into member (local_id, workplace_id, unit_id, first_name, last_name)
         select $1, (array[$2::uuid, $3::uuid, $4::uuid, $5::uuid])[1 + i % 4], null, 'M', 'Member ' || lpad(i::text, 3, '0')
           from generate_series(1, 120) i returning id, workplace_id`,
        [local, ...sites.map((s) => s.id)],
      )
    ).rows as { id: string; workplace_id: string }[];
    for (const m of members) {
      const site = sites.find((s) => s.id === m.workplace_id)!;
      await t.db.query('update member set unit_id = $2 where id = $1', [
        m.id,
        site.units[members.indexOf(m) % 2],
      ]);
      await makeOneOnOne(t.db, local, m.id, w.own.users.ORGANIZER.id, { supportLevel: 2 });
    }
    const page = (first: number) =>
      countStatements(async () => {
        const res = await t.gql<{ members: { nodes: { oneOnOnes: { nodes: unknown[] } }[] } }>(
          w.own.users.ORGANIZER.token,
          `query($l: ID!, $n: Int) { members(localId: $l, first: $n) { nodes {
             id firstName workplace { name } unit { name } oneOnOnes(first: 1) { totalCount nodes { occurredAt supportLevel } }
           } } }`,
          { l: local, n: first },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.members.nodes).toHaveLength(first);
        expect(res.data!.members.nodes.every((n) => n.oneOnOnes.nodes.length === 1)).toBe(true);
      });
    const ten = await page(10);
    const hundred = await page(100);
    expect(hundred).toBe(ten);
  });

  it('reads the users behind a list (audit actors) in one batch, whatever the page size', async () => {
    const { t, w } = ctx;
    const actors = [w.own.users.LOCAL_ADMIN.id, w.own.users.ORGANIZER.id, w.own.users.STEWARD.id];
    await t.db.query(
      `insert into audit_event (local_id, actor_id, action) select $1, ($2::uuid[])[1 + i % 3], 'test.event' from generate_series(1, 60) i`,
      [w.own.id, actors],
    );
    const page = (first: number) =>
      countStatements(async () => {
        const res = await t.gql<{ auditEvents: { nodes: { actor: { id: string } }[] } }>(
          w.own.users.LOCAL_ADMIN.token,
          'query($l: ID!, $n: Int) { auditEvents(localId: $l, first: $n) { nodes { action actor { id displayName } } } }',
          { l: w.own.id, n: first },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.auditEvents.nodes.every((n) => actors.includes(n.actor.id))).toBe(true);
      });
    expect(await page(50)).toBe(await page(10));
  });

  it('spends three round trips on a guarded read: begin with the Actor and its scope, the read, commit', async () => {
    const { t, w } = ctx;
    const statements = await countStatements(async () => {
      const res = await t.gql<{ me: { id: string } }>(w.own.users.STEWARD.token, '{ me { id } }');
      expect(res.data?.me.id).toBe(w.own.users.STEWARD.id);
    });
    expect(statements).toBe(3);
  });
});
