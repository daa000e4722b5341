import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, useWorld } from '@juntos/test-support';
import { LIST_MAX } from '../apps/api/src/graphql/query-cost';

/**
 * Plain lists whose size nothing bounds at write time are costed by LIST_MAX, so each read must
 * return at most that many, in its documented order, per parent when batched: otherwise a local
 * with 5,000 open petitions makes one dashboard query do 50 times the work the limit counted.
 * Rows go in through the owner's pool with generate_series, LIST_MAX + 1 of each.
 */
describe('lists the cost limit counts by a maximum return at most that maximum', () => {
  const ctx = useWorld();
  const organizer = () => ctx.w.own.users.ORGANIZER;
  // What the README promises; LIST_MAX is what the cost limit multiplies by.
  const ITEMS = 100;
  const numbered = (prefix: string, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(4, '0')}`);

  /** A local of its own, where the organizer holds the ORGANIZER role. */
  const freshLocal = async (name: string) => {
    const { t } = ctx;
    const id = await makeLocal(t.db, name);
    await grant(t.db, id, organizer().id, Role.ORGANIZER);
    return id;
  };

  /** `count` open petitions titled prefix0001…, each created a minute after the one before. */
  const openPetitions = async (
    localId: string,
    workplaceId: string | null,
    prefix: string,
    count: number,
  ) => {
    const { rows } = await ctx.t.db.query(
      `insert into petition (local_id, workplace_id, title, demand, target, goal, status, opened_at, created_at)
       select $1, $2, $3 || lpad(i::text, 4, '0'), 'Keep agents out without a judicial warrant', 'The employer', 10,
              'OPEN', now(), now() - interval '1 day' + i * interval '1 minute'
         from generate_series(1, $4) i
       returning id`,
      [localId, workplaceId, prefix, count],
    );
    return rows.map((r: { id: string }) => r.id);
  };

  it('holds the caps the README states', () => {
    expect(LIST_MAX.campaignItems).toBe(ITEMS);
    expect(LIST_MAX.sessions).toBe(ITEMS);
    expect(LIST_MAX.workplaces).toBe(1000);
    expect(LIST_MAX.locals).toBe(1000);
  });

  it("the dashboard's open petitions and live campaigns: the 100 newest, while each workplace's count stays exact", async () => {
    const { t } = ctx;
    const local = await freshLocal('Caps dashboard');
    const site: string = (
      await t.db.query(
        `insert into workplace (local_id, name, kind) values ($1, 'Plant', 'WORKSITE') returning id`,
        [local],
      )
    ).rows[0].id;
    await openPetitions(local, site, 'P', ITEMS + 1);
    // Newer than all of them, but not open: never listed.
    await t.db.query(
      `insert into petition (local_id, title, demand, target, goal, status) values ($1, 'Draft', 'd', 't', 1, 'DRAFT')`,
      [local],
    );
    await t.db.query(
      `insert into campaign (local_id, title, resolution_text, decision_body, stage, created_at)
       select $1, 'C' || lpad(i::text, 4, '0'), 'Resolved: no raids.', 'EXECUTIVE_BOARD', 'BUILDING_SUPPORT',
              now() - interval '1 day' + i * interval '1 minute'
         from generate_series(1, $2) i`,
      [local, ITEMS + 1],
    );
    await t.db.query(
      `insert into campaign (local_id, title, resolution_text, decision_body, stage)
       values ($1, 'Over', 'Resolved: no raids.', 'EXECUTIVE_BOARD', 'WITHDRAWN')`,
      [local],
    );

    const res = await t.gql<{
      localDashboard: {
        workplaces: { workplace: { name: string }; openPetitions: number }[];
        openPetitions: { title: string }[];
        campaigns: { title: string }[];
      };
    }>(
      organizer().token,
      `query($l: ID!) { localDashboard(localId: $l) {
         workplaces { workplace { name } openPetitions } openPetitions { title } campaigns { title } } }`,
      { l: local },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!.localDashboard;
    // Newest first: P0101 down to P0002; P0001, the oldest, is left out.
    expect(d.openPetitions.map((p) => p.title)).toEqual(numbered('P', 2, ITEMS + 1).reverse());
    expect(d.campaigns.map((c) => c.title)).toEqual(numbered('C', 2, ITEMS + 1).reverse());
    // The per-workplace count is counted in SQL, not from the capped list.
    expect(d.workplaces).toEqual([{ workplace: { name: 'Plant' }, openPetitions: ITEMS + 1 }]);
  });

  it("the dashboard's workplaces: the first 1,000 by name", async () => {
    const { t } = ctx;
    const local = await freshLocal('Caps workplaces');
    await t.db.query(
      `insert into workplace (local_id, name, kind)
       select $1, 'W' || lpad(i::text, 4, '0'), 'WORKSITE' from generate_series(1, $2) i`,
      [local, LIST_MAX.workplaces + 1],
    );
    const res = await t.gql<{ localDashboard: { workplaces: { workplace: { name: string } }[] } }>(
      organizer().token,
      'query($l: ID!) { localDashboard(localId: $l) { workplaces { workplace { name } } } }',
      { l: local },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.localDashboard.workplaces.map((w) => w.workplace.name)).toEqual(
      numbered('W', 1, LIST_MAX.workplaces),
    );
  });

  it("a campaign's milestones, linked petitions and stage history: 100 each, per campaign in one batch", async () => {
    const { t } = ctx;
    const local = await freshLocal('Caps campaigns');
    const campaign = async (title: string, createdMinutesAgo: number) =>
      (
        await t.db.query(
          `insert into campaign (local_id, title, resolution_text, decision_body, stage, created_at)
           values ($1, $2, 'Resolved: no raids.', 'EXECUTIVE_BOARD', 'VOTED', now() - $3 * interval '1 minute')
           returning id`,
          [local, title, createdMinutesAgo],
        )
      ).rows[0].id as string;
    // The page lists the newest first: Big, then Small.
    const big = await campaign('Big', 2);
    const small = await campaign('Small', 3);
    const fill = async (
      campaignId: string,
      tag: string,
      milestones: number,
      links: number,
      changes: number,
    ) => {
      await t.db.query(
        `insert into milestone (local_id, campaign_id, title, created_at)
         select $1, $2, $3 || 'M' || lpad(i::text, 4, '0'), now() - interval '1 day' + i * interval '1 minute'
           from generate_series(1, $4) i`,
        [local, campaignId, tag, milestones],
      );
      const petitions = await openPetitions(local, null, `${tag}L`, links);
      // Linked in the reverse of their creation, so link order is not petition order.
      await t.db.query(
        `insert into campaign_petition (campaign_id, petition_id, local_id, created_at)
         select $1, p.id, $2, now() - interval '1 day' + (1000 - p.n) * interval '1 minute'
           from unnest($3::uuid[]) with ordinality as p(id, n)`,
        [campaignId, local, petitions],
      );
      // Vote corrections while VOTED append without end.
      await t.db.query(
        `insert into campaign_stage_change (local_id, campaign_id, from_stage, to_stage, changed_at, changed_by, note)
         select $1, $2, 'VOTED', 'VOTED', now() - interval '1 day' + i * interval '1 minute', $3,
                $4 || 'H' || lpad(i::text, 4, '0')
           from generate_series(1, $5) i`,
        [local, campaignId, organizer().id, tag, changes],
      );
    };
    await fill(big, 'B', ITEMS + 1, ITEMS + 1, ITEMS + 1);
    await fill(small, 'S', ITEMS + 1, 3, 2);

    type Lists = {
      title: string;
      milestones: { title: string }[];
      petitions: { title: string }[];
      stageHistory: { note: string }[];
      progress: { milestonesTotal: number };
    };
    const LISTS =
      'title milestones { title } petitions { title } stageHistory { note } progress { milestonesTotal }';
    const res = await t.gql<{ campaigns: { nodes: Lists[] } }>(
      organizer().token,
      `query($l: ID!) { campaigns(localId: $l, first: 2) { nodes { ${LISTS} } } }`,
      { l: local },
    );
    expect(res.errors).toBeUndefined();
    const [b, s] = res.data!.campaigns.nodes;
    expect(b.title).toBe('Big');
    expect(s.title).toBe('Small');
    // Milestones: the first 100 added, in that order. The cap is per campaign: Small gets its own 100.
    expect(b.milestones.map((m) => m.title)).toEqual(numbered('BM', 1, ITEMS));
    expect(s.milestones.map((m) => m.title)).toEqual(numbered('SM', 1, ITEMS));
    // Linked petitions: the first 100 linked (BL0101 was linked first), in link order.
    expect(b.petitions.map((p) => p.title)).toEqual(numbered('BL', 2, ITEMS + 1).reverse());
    expect(s.petitions.map((p) => p.title)).toEqual(numbered('SL', 1, 3).reverse());
    // Stage history: the latest 100, oldest first (BH0001, the oldest, is left out).
    expect(b.stageHistory.map((h) => h.note)).toEqual(numbered('BH', 2, ITEMS + 1));
    expect(s.stageHistory.map((h) => h.note)).toEqual(numbered('SH', 1, 2));
    // The count is whole: progress counts every milestone, not the capped list.
    expect(b.progress.milestonesTotal).toBe(ITEMS + 1);

    // One campaign on its own reads the same.
    const one = await t.gql<{ campaign: Lists }>(
      organizer().token,
      `query($id: ID!) { campaign(id: $id) { ${LISTS} } }`,
      { id: big },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.campaign).toEqual(b);
  });

  it('mySessions: the 100 most recently used', async () => {
    const { t } = ctx;
    const user = await makeUser(t.db, { displayName: 'Many devices' });
    const token = t.tokenFor(user.id);
    await t.sessionsWritten();
    // 101 other devices, used 1 to 101 minutes ago; the current session is the most recent.
    await t.db.query(
      `insert into session (user_id, user_agent, created_at, last_used_at, expires_at)
       select $1, 'UA' || lpad(i::text, 4, '0'), now() - interval '1 day', now() - i * interval '1 minute',
              now() + interval '30 days'
         from generate_series(1, $2) i`,
      [user.id, ITEMS + 1],
    );
    const res = await t.gql<{ mySessions: { userAgent: string | null; current: boolean }[] }>(
      token,
      '{ mySessions { userAgent current } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.mySessions).toEqual([
      { userAgent: null, current: true },
      ...numbered('UA', 1, ITEMS - 1).map((userAgent) => ({ userAgent, current: false })),
    ]);
  });

  it("the platform admin's locals: the first 1,000 by name", async () => {
    const { t, w } = ctx;
    await t.db.query(
      `insert into local (name, kind) select 'Local ' || lpad(i::text, 4, '0'), 'UNION_LOCAL' from generate_series(1, $1) i`,
      [LIST_MAX.locals + 1],
    );
    const expected = (
      await t.db.query(`select name from local order by name, id limit $1`, [LIST_MAX.locals])
    ).rows.map((r: { name: string }) => r.name);
    const res = await t.gql<{ locals: { name: string }[] }>(w.platformAdmin.token, '{ locals { name } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.locals.map((l) => l.name)).toEqual(expected);
    expect(expected).toHaveLength(LIST_MAX.locals);
  });
});
