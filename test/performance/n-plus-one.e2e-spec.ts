import { Pool } from 'pg';
import { Role } from '@juntos/common';
import {
  countStatements,
  grant,
  makeCampaign,
  makeLocal,
  makeMember,
  makeMilestone,
  makeOneOnOne,
  makePetition,
  makeSignature,
  makeWorkplace,
  useWorld,
} from '@juntos/test-support';

/**
 * A local of `size` workplace petitions (each with two units, members and signatures) and
 * `size` campaigns (each with a milestone, a stage change and two linked petitions), with an
 * organizer and a steward assigned to the first workplace only.
 */
async function petitionLocal(db: Pool, size: number, organizerId: string, stewardId: string) {
  const local = await makeLocal(db, `Lists of ${size} ${Math.random()}`);
  await grant(db, local, organizerId, Role.ORGANIZER);
  const petitions: string[] = [];
  const sites: string[] = [];
  for (let i = 0; i < size; i++) {
    const site = await makeWorkplace(db, local, { name: `Site ${i}`, headcount: 40 });
    sites.push(site);
    for (const name of ['Day', 'Night']) {
      const unit = (
        await db.query('insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id', [
          local,
          site,
          name,
        ])
      ).rows[0].id as string;
      const member = await makeMember(db, local, { workplaceId: site });
      await db.query('update member set unit_id = $2 where id = $1', [member, unit]);
      const petition = petitions[i] ?? (await makePetition(db, local, { workplaceId: site, status: 'OPEN' }));
      petitions[i] = petition;
      await makeSignature(db, local, petition, member, organizerId);
    }
  }
  await grant(db, local, stewardId, Role.STEWARD, [sites[0]]);
  for (let i = 0; i < size; i++) {
    const campaign = await makeCampaign(db, local, { title: `Campaign ${i}` });
    await makeMilestone(db, local, campaign);
    await db.query(
      `insert into campaign_stage_change (local_id, campaign_id, from_stage, to_stage, changed_by) values ($1, $2, null, 'DRAFTING', $3)`,
      [local, campaign, organizerId],
    );
    for (const petition of [petitions[i], petitions[(i + 1) % size]])
      await db.query(
        'insert into campaign_petition (campaign_id, petition_id, local_id) values ($1, $2, $3)',
        [campaign, petition, local],
      );
  }
  return local;
}

const PETITION_FIELDS = `id title signatureCount progress local { name }
  workplace { name employer headcount memberCount units { name } local { id } }
  byUnit { unit { name } members signed }`;

/** Counting statements, not timing: a page of 10 and a page of 100 must cost the same round trips. */
describe('no N+1', () => {
  // Deep lists on purpose: this file counts statements, test/security/limits the cost limit.
  const ctx = useWorld({ GRAPHQL_MAX_COST: '10000000' });

  it('runs the same number of statements for a members page of 10 and of 100, with workplace, unit and last one-on-one', async () => {
    const { t, w } = ctx;
    const local = await makeLocal(t.db, 'N+1 local');
    await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    const sites: { id: string; units: string[] }[] = [];
    for (let s = 0; s < 4; s++) {
      const id = await makeWorkplace(t.db, local, { name: `Site ${s}` });
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

  it('runs the same number of statements for a petitions page of 3 and of 12, every nested field selected', async () => {
    const { t, w } = ctx;
    const query = `query($l: ID!, $n: Int) { petitions(localId: $l, first: $n) { nodes { ${PETITION_FIELDS}
      signatures(first: 5) { totalCount nodes { signedAt member { firstName workplace { name } }
        collectedBy { id } petition { id title workplace { name } } } } } } }`;
    const count = async (size: number, viewer: 'ORGANIZER' | 'STEWARD') => {
      const local = await petitionLocal(t.db, size, w.own.users.ORGANIZER.id, w.own.users.STEWARD.id);
      return countStatements(async () => {
        const res = await t.gql<{
          petitions: { nodes: { byUnit: unknown[]; signatures: { totalCount: number } }[] };
        }>(w.own.users[viewer].token, query, { l: local, n: size });
        expect(res.errors).toBeUndefined();
        expect(res.data!.petitions.nodes).toHaveLength(size);
        // The organizer sees every unit and signature; the steward those of their one workplace.
        const withUnits = res.data!.petitions.nodes.filter((n) => n.byUnit.length === 2).length;
        expect(withUnits).toBe(viewer === 'ORGANIZER' ? size : 1);
      });
    };
    expect(await count(12, 'ORGANIZER')).toBe(await count(3, 'ORGANIZER'));
    expect(await count(12, 'STEWARD')).toBe(await count(3, 'STEWARD'));
  });

  it('runs the same number of statements for a campaigns page of 3 and of 12, linked petitions included', async () => {
    const { t, w } = ctx;
    const query = `query($l: ID!, $n: Int) { campaigns(localId: $l, first: $n) { nodes { id title local { name }
      stageHistory { to by { id } } milestones { title } progress { percent signatureCount }
      petitions { ${PETITION_FIELDS} } } } }`;
    const count = async (size: number) => {
      const local = await petitionLocal(t.db, size, w.own.users.ORGANIZER.id, w.own.users.STEWARD.id);
      return countStatements(async () => {
        const res = await t.gql<{ campaigns: { nodes: { petitions: { byUnit: unknown[] }[] }[] } }>(
          w.own.users.ORGANIZER.token,
          query,
          { l: local, n: size },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.campaigns.nodes).toHaveLength(size);
        expect(res.data!.campaigns.nodes.every((c) => c.petitions.length === 2)).toBe(true);
        expect(res.data!.campaigns.nodes.every((c) => c.petitions.every((p) => p.byUnit.length === 2))).toBe(
          true,
        );
      });
    };
    expect(await count(12)).toBe(await count(3));
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
