import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@juntos/common';
import { FieldCipher, keyId, oneOnOneNotesAad } from '@juntos/crypto';
import { dataSourceOptions } from '@juntos/db';
import {
  dropTestDatabase,
  grant,
  legacyV1,
  makeLocal,
  makeMember,
  makeOneOnOne,
  makeWorkplace,
  randomCipherKey,
  TestApp,
  useWorld,
} from '@juntos/test-support';
import { NotesKeyCheck } from '../apps/api/src/modules/one-on-ones/notes-key-check';
import { reencryptNotes } from '../apps/api/src/modules/one-on-ones/notes-rotation.repository';

const LOG = `mutation($input: LogOneOnOneInput!) {
  logOneOnOne(input: $input) { id occurredAt channel supportLevel issues notes nextStep followUpAt followUpDoneAt member { id } steward { id } }
}`;
const MEMBER = `query($id: ID!) { member(id: $id) { supportLevel lastContactAt oneOnOnes(first: 10) { totalCount nodes { id notes occurredAt } } } }`;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const NOTES_LIST = `query($l: ID!) { oneOnOnes(localId: $l, first: 100) { nodes { id channel notes } } }`;
type NotesList = { oneOnOnes: { nodes: { id: string; channel: string; notes: string | null }[] } };

describe('one-on-ones', () => {
  const ctx = useWorld();
  const steward = () => ctx.w.own.users.STEWARD;
  const log = (token: string, input: Record<string, unknown>) =>
    ctx.t.gql<{ logOneOnOne: Record<string, unknown> }>(token, LOG, { input });

  it("runs a steward's whole day over HTTP", async () => {
    const { t, w } = ctx;
    const rosa = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: 'Rosa' });
    const tok = steward().token;

    // Three conversations during the day: the assessment moves with each.
    const morning = await log(tok, {
      memberId: rosa,
      occurredAt: hoursFromNow(-6),
      channel: 'IN_PERSON',
      supportLevel: 3,
      issues: ['Scheduling', ' Raid fears '],
      notes: 'Worried about ICE at the loading dock. Knows the night crew.',
      nextStep: 'Bring her to the know-your-rights training',
      followUpAt: hoursFromNow(-1),
    });
    expect(morning.errors).toBeUndefined();
    expect(morning.data!.logOneOnOne).toMatchObject({
      channel: 'IN_PERSON',
      supportLevel: 3,
      issues: ['scheduling', 'raid fears'],
      notes: 'Worried about ICE at the loading dock. Knows the night crew.',
      steward: { id: steward().id },
      followUpDoneAt: null,
    });
    expect(
      (await t.gql<{ member: { supportLevel: number } }>(tok, MEMBER, { id: rosa })).data!.member
        .supportLevel,
    ).toBe(3);

    await log(tok, {
      memberId: rosa,
      occurredAt: hoursFromNow(-3),
      channel: 'TEXT',
      supportLevel: 2,
      followUpAt: hoursFromNow(24),
    });
    const evening = await log(tok, {
      memberId: rosa,
      occurredAt: hoursFromNow(-1),
      channel: 'PHONE',
      supportLevel: 1,
      notes: 'Will sign the petition and bring two coworkers.',
    });
    const member = (
      await t.gql<{
        member: {
          supportLevel: number;
          lastContactAt: string;
          oneOnOnes: { totalCount: number; nodes: { notes: string | null }[] };
        };
      }>(tok, MEMBER, { id: rosa })
    ).data!.member;
    expect(member.supportLevel).toBe(1);
    expect(member.lastContactAt).toBe(evening.data!.logOneOnOne.occurredAt);
    expect(member.oneOnOnes.totalCount).toBe(3);
    expect(member.oneOnOnes.nodes[0].notes).toBe('Will sign the petition and bring two coworkers.'); // newest first

    // Due follow-ups: the morning's is due now; the TEXT one is due tomorrow.
    const due = await t.gql<{ myFollowUps: { id: string }[] }>(
      tok,
      'query($l: ID!, $d: DateTime) { myFollowUps(localId: $l, dueBefore: $d) { id } }',
      {
        l: w.own.id,
        d: new Date().toISOString(),
      },
    );
    expect(due.data!.myFollowUps.map((f) => f.id)).toEqual([morning.data!.logOneOnOne.id]);
    const all = await t.gql<{ myFollowUps: { id: string }[] }>(
      tok,
      'query($l: ID!) { myFollowUps(localId: $l) { id } }',
      { l: w.own.id },
    );
    expect(all.data!.myFollowUps).toHaveLength(2);

    const done = await t.gql<{ completeFollowUp: { followUpDoneAt: string } }>(
      tok,
      'mutation($id: ID!) { completeFollowUp(id: $id) { followUpDoneAt } }',
      {
        id: morning.data!.logOneOnOne.id,
      },
    );
    expect(done.data!.completeFollowUp.followUpDoneAt).toEqual(expect.any(String));
    const left = await t.gql<{ myFollowUps: { id: string }[] }>(
      tok,
      'query($l: ID!) { myFollowUps(localId: $l) { id } }',
      { l: w.own.id },
    );
    expect(left.data!.myFollowUps).toHaveLength(1);

    const audit = await t.db.query(
      `select action, target_type, detail from audit_event where actor_id = $1 and action like 'oneOnOne.%'`,
      [steward().id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action).sort()).toEqual([
      'oneOnOne.completeFollowUp',
      'oneOnOne.log',
      'oneOnOne.log',
      'oneOnOne.log',
    ]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/ICE|petition|coworkers/);
  });

  it('never lets an older conversation, logged late, overwrite a newer assessment', async () => {
    const { t, w } = ctx;
    const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const org = w.own.users.ORGANIZER.token;
    await log(org, { memberId: id, occurredAt: hoursFromNow(-2), channel: 'PHONE', supportLevel: 2 });
    await log(org, { memberId: id, occurredAt: hoursFromNow(-48), channel: 'PHONE', supportLevel: 5 }); // older, logged late
    await log(org, { memberId: id, occurredAt: hoursFromNow(-1), channel: 'PHONE' }); // newer, no assessment
    const m = (await t.gql<{ member: { supportLevel: number; lastContactAt: string } }>(org, MEMBER, { id }))
      .data!.member;
    expect(m.supportLevel).toBe(2);
    expect(Date.parse(m.lastContactAt)).toBeGreaterThan(Date.now() - 1.5 * 3600_000);
  });

  it.each([
    ['occurredAt over an hour ahead', { occurredAt: hoursFromNow(1.1) }, 'occurredAt'],
    ['supportLevel 6', { supportLevel: 6 }, 'supportLevel'],
    ['11 issues', { issues: Array.from({ length: 11 }, (_, i) => `issue ${i}`) }, 'issues'],
    ['an issue of 61 characters', { issues: ['x'.repeat(61)] }, 'issues'],
    ['10,001 characters of notes', { notes: 'x'.repeat(10_001) }, 'notes'],
    ['a next step of 501 characters', { nextStep: 'x'.repeat(501) }, 'nextStep'],
  ] as [string, Record<string, unknown>, string][])(
    'refuses %s with BAD_USER_INPUT naming the field',
    async (_label, override, field) => {
      const { t, w } = ctx;
      const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
      const res = await log(w.own.users.ORGANIZER.token, {
        memberId: id,
        occurredAt: hoursFromNow(-1),
        channel: 'VIDEO',
        ...override,
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    },
  );

  it('accepts a conversation up to an hour ahead (clock drift), and 10,000 characters of notes', async () => {
    const { t, w } = ctx;
    const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const res = await log(w.own.users.ORGANIZER.token, {
      memberId: id,
      occurredAt: hoursFromNow(0.9),
      channel: 'VIDEO',
      notes: 'n'.repeat(10_000),
    });
    expect(res.errors).toBeUndefined();
  });

  it("keeps a steward to their workplaces' members, and a board member out", async () => {
    const { t, w } = ctx;
    const elsewhere = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned });
    const other = await makeOneOnOne(t.db, w.own.id, elsewhere, w.own.users.ORGANIZER.id);
    const denied = await log(steward().token, {
      memberId: elsewhere,
      occurredAt: hoursFromNow(-1),
      channel: 'PHONE',
    });
    expect(denied.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const list = await t.gql<{ oneOnOnes: { nodes: { id: string; member: { id: string } }[] } }>(
      steward().token,
      'query($l: ID!) { oneOnOnes(localId: $l, first: 100) { nodes { id member { id } } } }',
      { l: w.own.id },
    );
    expect(list.data!.oneOnOnes.nodes.map((n) => n.id)).not.toContain(other);
    const complete = await t.gql(steward().token, 'mutation($id: ID!) { completeFollowUp(id: $id) { id } }', {
      id: other,
    });
    expect(complete.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const board = w.own.users.BOARD_MEMBER.token;
    expect(
      (await t.gql(board, 'query($l: ID!) { oneOnOnes(localId: $l) { totalCount } }', { l: w.own.id }))
        .errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('lets only the steward who logged a follow-up, or an organizer, complete it', async () => {
    const { t, w } = ctx;
    const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const conversation = await makeOneOnOne(t.db, w.own.id, id, w.own.users.ORGANIZER.id);
    // A steward of the same workplace, who did not log it:
    const res = await t.gql(steward().token, 'mutation($id: ID!) { completeFollowUp(id: $id) { id } }', {
      id: conversation,
    });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const org = await t.gql(
      w.own.users.ORGANIZER.token,
      'mutation($id: ID!) { completeFollowUp(id: $id) { id } }',
      { id: conversation },
    );
    expect(org.errors).toBeUndefined();
  });

  it('filters by member, steward, workplace, since and due follow-ups', async () => {
    const { t, w } = ctx;
    const local = await makeLocal(t.db, 'Filters');
    await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    const site = await makeWorkplace(t.db, local, { name: 'Plant' });
    const a = await makeMember(t.db, local, { workplaceId: site });
    const b = await makeMember(t.db, local);
    const old = await makeOneOnOne(t.db, local, a, w.own.users.ORGANIZER.id, {
      occurredAt: new Date('2026-01-01'),
      followUpAt: new Date('2026-01-02'),
    });
    const recent = await makeOneOnOne(t.db, local, b, w.own.users.LOCAL_ADMIN.id, { followUpAt: null });
    const ids = async (filter: Record<string, unknown>) =>
      (
        await t.gql<{ oneOnOnes: { nodes: { id: string }[] } }>(
          w.own.users.ORGANIZER.token,
          'query($l: ID!, $f: OneOnOneFilter) { oneOnOnes(localId: $l, filter: $f) { nodes { id } } }',
          { l: local, f: filter },
        )
      ).data!.oneOnOnes.nodes.map((n) => n.id);
    expect(await ids({})).toEqual([recent, old]);
    expect(await ids({ memberId: a })).toEqual([old]);
    expect(await ids({ stewardId: w.own.users.LOCAL_ADMIN.id })).toEqual([recent]);
    expect(await ids({ workplaceId: site })).toEqual([old]);
    expect(await ids({ since: '2026-06-01T00:00:00Z' })).toEqual([recent]);
    expect(await ids({ followUpDue: true })).toEqual([old]);
    expect(await ids({ followUpDue: false })).toEqual([recent]);
  });

  describe('recentIssues', () => {
    const RECENT = 'query($l: ID!, $first: Int) { recentIssues(localId: $l, first: $first) }';
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    /** A local of its own: the organizer, the steward (of site A) and the board member of the world hold a role there. */
    let local: string;
    beforeAll(async () => {
      const { t, w } = ctx;
      local = await makeLocal(t.db, 'Issues');
      const [siteA, siteB] = [await makeWorkplace(t.db, local), await makeWorkplace(t.db, local)];
      await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
      await grant(t.db, local, steward().id, Role.STEWARD, [siteA]);
      await grant(t.db, local, w.own.users.BOARD_MEMBER.id, Role.BOARD_MEMBER);
      const a = await makeMember(t.db, local, { workplaceId: siteA });
      const b = await makeMember(t.db, local, { workplaceId: siteB });
      const nowhere = await makeMember(t.db, local);
      const talk = (member: string, days: number, issues: string[]) =>
        makeOneOnOne(t.db, local, member, w.own.users.ORGANIZER.id, { occurredAt: daysAgo(days), issues });
      await talk(a, 1, ['wages', 'safety']);
      await talk(a, 10, ['wages']);
      await talk(b, 89, ['wages', 'heat']);
      await talk(nowhere, 30, ['safety', 'heat']);
      await talk(b, 91, ['ice', 'ice raids']); // outside the 90 days
      await talk(a, 200, ['wages', 'parking']);
      // Another local's conversations never count.
      const elsewhere = await makeMember(t.db, w.other.id, { workplaceId: w.other.assigned });
      await makeOneOnOne(t.db, w.other.id, elsewhere, w.other.users.ORGANIZER.id, { issues: ['elsewhere'] });
    });
    const recent = (token: string, l: string, first?: number) =>
      ctx.t.gql<{ recentIssues: string[] }>(token, RECENT, { l, first });

    it('counts the issues of the last 90 days, most raised first, ties alphabetical', async () => {
      const res = await recent(ctx.w.own.users.ORGANIZER.token, local);
      expect(res.errors).toBeUndefined();
      // wages 3, then heat and safety 2 each (alphabetical); ice at 91 days and parking at 200 are out.
      expect(res.data!.recentIssues).toEqual(['wages', 'heat', 'safety']);
      expect((await recent(ctx.w.own.users.ORGANIZER.token, local, 2)).data!.recentIssues).toEqual([
        'wages',
        'heat',
      ]);
      const empty = await makeLocal(ctx.t.db, 'Quiet');
      await grant(ctx.t.db, empty, ctx.w.own.users.ORGANIZER.id, Role.ORGANIZER);
      expect((await recent(ctx.w.own.users.ORGANIZER.token, empty)).data).toEqual({ recentIssues: [] });
    });

    it("counts only a steward's assigned workplaces' conversations", async () => {
      const res = await recent(steward().token, local);
      expect(res.errors).toBeUndefined();
      // Site A's member alone: wages twice, safety once; site B's and the member of no workplace are out.
      expect(res.data!.recentIssues).toEqual(['wages', 'safety']);
    });

    it('refuses a board member, and a local where the viewer holds no role, with FORBIDDEN', async () => {
      const board = await recent(ctx.w.own.users.BOARD_MEMBER.token, local);
      expect(board.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      expect(board.data).toBeNull();
      const other = await recent(ctx.w.other.users.ORGANIZER.token, local);
      expect(other.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      expect(other.data).toBeNull();
    });

    it('answers 20 issues by default and at most 50; first outside 1..50 is BAD_USER_INPUT', async () => {
      const { t, w } = ctx;
      const local = await makeLocal(t.db, 'Many issues');
      await grant(t.db, local, w.own.users.ORGANIZER.id, Role.ORGANIZER);
      const member = await makeMember(t.db, local);
      const issues = Array.from({ length: 60 }, (_, i) => `issue ${String(i).padStart(2, '0')}`);
      await makeOneOnOne(t.db, local, member, w.own.users.ORGANIZER.id, { issues });
      const org = w.own.users.ORGANIZER.token;
      expect((await recent(org, local)).data!.recentIssues).toEqual(issues.slice(0, 20));
      expect((await recent(org, local, 50)).data!.recentIssues).toEqual(issues.slice(0, 50));
      expect((await recent(org, local, 1)).data!.recentIssues).toEqual(['issue 00']);
      for (const first of [0, -1, 51]) {
        const res = await recent(org, local, first);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
        expect(res.errors?.[0].message).toBe('first must be between 1 and 50.');
      }
    });
  });

  it('stores notes only as ciphertext: the raw table holds no plaintext', async () => {
    const { t, w } = ctx;
    const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const secret = `Her cousin was detained on Tuesday ${randomBytes(4).toString('hex')}`;
    await log(w.own.users.ORGANIZER.token, {
      memberId: id,
      occurredAt: hoursFromNow(-1),
      channel: 'IN_PERSON',
      notes: secret,
    });
    const raw = await t.db.query(
      `select notes, one_on_one::text as whole_row from one_on_one where member_id = $1`,
      [id],
    );
    expect(raw.rows[0].notes).toMatch(/^v2:[0-9a-f]{16}:/);
    expect(raw.rows[0].whole_row).not.toContain('detained');
    const dump = await t.db.query(`select string_agg(one_on_one::text, ' ') as all_rows from one_on_one`);
    expect(dump.rows[0].all_rows).not.toContain(secret);
  });

  it('binds notes to their conversation: a note copied onto another row, even in the same local, does not decrypt there', async () => {
    const { t, w } = ctx;
    const org = w.own.users.ORGANIZER.token;
    const rosa = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const ana = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const secret = `Her brother works the night shift at the plant ${randomBytes(4).toString('hex')}`;
    const source = (
      await log(org, { memberId: rosa, occurredAt: hoursFromNow(-2), channel: 'IN_PERSON', notes: secret })
    ).data!.logOneOnOne.id as string;
    const target = (
      await log(org, { memberId: ana, occurredAt: hoursFromNow(-1), channel: 'PHONE', notes: 'Ana: ok' })
    ).data!.logOneOnOne.id as string;
    // Someone with write access to the database (not the key) pastes Rosa's ciphertext onto Ana's row.
    await t.db.query(
      `update one_on_one set notes = (select notes from one_on_one where id = $1) where id = $2`,
      [source, target],
    );

    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const res = await t.gql<NotesList>(org, NOTES_LIST, { l: w.own.id });
      // Not a 500 and not the whole list: that one field is null, with its own error.
      expect(res.status).toBe(200);
      const nodes = res.data!.oneOnOnes.nodes;
      expect(nodes.find((n) => n.id === source)!.notes).toBe(secret);
      expect(nodes.find((n) => n.id === target)).toEqual({ id: target, channel: 'PHONE', notes: null });
      expect(res.errors).toHaveLength(1);
      const at = nodes.findIndex((n) => n.id === target);
      expect(res.errors![0]).toMatchObject({
        path: ['oneOnOnes', 'nodes', at, 'notes'],
        extensions: { code: 'UNREADABLE' },
      });
      // Rosa's note appears once, on Rosa's conversation: never on Ana's, nor in the error.
      expect(JSON.stringify(res.body).split('night shift')).toHaveLength(2);

      // The same through the member.
      const viaMember = await t.gql<{ member: { oneOnOnes: { nodes: { notes: string | null }[] } } }>(
        org,
        MEMBER,
        { id: ana },
      );
      expect(viaMember.data!.member.oneOnOnes.nodes[0].notes).toBeNull();
      expect(viaMember.errors?.[0].extensions.code).toBe('UNREADABLE');

      // Logged by id, never with the content.
      const logged = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes(target));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join('\n')).not.toContain('night shift');
    } finally {
      warn.mockRestore();
    }

    // Into another local's conversation: the same.
    const other = await makeMember(t.db, w.other.id);
    const foreign = (
      await log(w.other.users.ORGANIZER.token, {
        memberId: other,
        occurredAt: hoursFromNow(-1),
        channel: 'TEXT',
        notes: 'other local',
      })
    ).data!.logOneOnOne.id as string;
    await t.db.query(
      `update one_on_one set notes = (select notes from one_on_one where id = $1) where id = $2`,
      [source, foreign],
    );
    const there = await t.gql<NotesList>(w.other.users.ORGANIZER.token, NOTES_LIST, { l: w.other.id });
    expect(there.data!.oneOnOnes.nodes.find((n) => n.id === foreign)!.notes).toBeNull();
    expect(there.errors?.[0].extensions.code).toBe('UNREADABLE');
  });

  it("erases a member's conversations with the member", async () => {
    const { t, w } = ctx;
    const id = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await log(w.own.users.ORGANIZER.token, {
      memberId: id,
      occurredAt: hoursFromNow(-1),
      channel: 'PHONE',
      notes: 'to be erased',
    });
    expect(
      (await t.db.query('select count(*)::int as n from one_on_one where member_id = $1', [id])).rows[0].n,
    ).toBe(1);
    await t.gql(w.own.users.LOCAL_ADMIN.token, 'mutation($id: ID!) { eraseMember(id: $id) }', { id });
    expect(
      (await t.db.query('select count(*)::int as n from one_on_one where member_id = $1', [id])).rows[0].n,
    ).toBe(0);
  });
});

describe('notes key rotation', () => {
  const oldKey = randomCipherKey();
  const newKey = randomCipherKey();

  it('reads old notes after rotation, re-encrypts them resumably, then needs the old key no more', async () => {
    // Before rotation: notes written under the old key.
    const before = await TestApp.create({ NOTES_ENCRYPTION_KEY: oldKey });
    const url = before.db.options.connectionString!;
    const { makeWorld } = await import('@juntos/test-support');
    const w = await makeWorld(before);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await makeMember(before.db, w.own.id, { workplaceId: w.own.assigned });
      const res = await before.gql<{ logOneOnOne: { id: string } }>(w.own.users.ORGANIZER.token, LOG, {
        input: { memberId: m, occurredAt: hoursFromNow(-1), channel: 'PHONE', notes: `note ${i}` },
      });
      ids.push(res.data!.logOneOnOne.id);
    }
    await before.app.close();

    // A wrong key is refused at start, naming the key the notes need and what to do about it.
    const refusal = TestApp.onDatabase(url, { NOTES_ENCRYPTION_KEY: newKey });
    await expect(refusal).rejects.toThrow(
      new RegExp(`under key\\(s\\) ${keyId(Buffer.from(oldKey, 'base64'))}`),
    );
    await expect(refusal).rejects.toThrow(/refusing to start\. Start with the key .*secrets\.json/);

    // Rotated: the new key writes, the old one still reads.
    const rotated = await TestApp.onDatabase(url, {
      NOTES_ENCRYPTION_KEY: newKey,
      NOTES_ENCRYPTION_KEYS_OLD: oldKey,
    });
    const read = await rotated.gql<{ oneOnOnes: { nodes: { notes: string }[] } }>(
      w.own.users.ORGANIZER.token,
      'query($l: ID!) { oneOnOnes(localId: $l) { nodes { notes } } }',
      {
        l: w.own.id,
      },
    );
    expect(read.data!.oneOnOnes.nodes.map((n) => n.notes).sort()).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
    ]);

    // Re-encrypt as the API's role on the notes:reencrypt path, stopping after the first batch.
    const ds = new DataSource(dataSourceOptions({ url: rotated.env.DATABASE_URL!, poolSize: 1 }));
    await ds.initialize();
    const cipher = new FieldCipher(newKey, [oldKey]);
    const stop = new Error('stopped on purpose');
    const first = await reencryptNotes(ds, cipher, oneOnOneNotesAad, {
      batchSize: 2,
      onBatch: () => {
        throw stop;
      },
    }).catch((e) => e);
    expect(first).toBe(stop);
    const underNew = async () =>
      (
        await rotated.db.query(
          `select count(*)::int as n from one_on_one where split_part(notes, ':', 2) = $1`,
          [cipher.currentKeyId],
        )
      ).rows[0].n;
    expect(await underNew()).toBe(2);
    const resumed = await reencryptNotes(ds, cipher, oneOnOneNotesAad, { batchSize: 2 });
    expect(resumed.moved).toBe(3);
    expect(await underNew()).toBe(5);
    await ds.destroy();
    await rotated.close();

    // The old key can go now.
    const after = await TestApp.onDatabase(url, { NOTES_ENCRYPTION_KEY: newKey });
    const again = await after.gql<{ oneOnOnes: { nodes: { notes: string }[] } }>(
      w.own.users.ORGANIZER.token,
      'query($l: ID!) { oneOnOnes(localId: $l) { nodes { notes } } }',
      {
        l: w.own.id,
      },
    );
    expect(again.data!.oneOnOnes.nodes).toHaveLength(5);
    await after.close();
    await before.db.end();
    await dropTestDatabase(new URL(url).pathname.slice(1));
  });
});

describe('notes written before the binding (v1)', () => {
  const key = randomCipherKey();
  const ctx = useWorld({ NOTES_ENCRYPTION_KEY: key });
  const log = (token: string, input: Record<string, unknown>) =>
    ctx.t.gql<{ logOneOnOne: Record<string, unknown> }>(token, LOG, { input });

  /** `npm run notes:reencrypt` itself, against this test's database, as the owner. */
  const reencrypt = (...args: string[]) => {
    const res = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'scripts/notes-reencrypt.ts',
        ...args,
      ],
      {
        cwd: join(__dirname, '..'),
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'development',
          MIGRATION_DATABASE_URL: ctx.t.db.options.connectionString,
          NOTES_ENCRYPTION_KEY: key,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    return res.stdout;
  };

  it('still reads v1 notes; notes:reencrypt moves them to v2, counting exactly, and they still read', async () => {
    const { t, w } = ctx;
    const org = w.own.users.ORGANIZER.token;
    const members = await Promise.all([0, 1, 2, 3, 4].map(() => makeMember(t.db, w.own.id)));
    // Three conversations from before the binding, written as that code stored them…
    const old: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await makeOneOnOne(t.db, w.own.id, members[i], w.own.users.ORGANIZER.id);
      await t.db.query(`update one_on_one set notes = $2 where id = $1`, [
        id,
        legacyV1(key, `old note ${i}`),
      ]);
      old.push(id);
    }
    // …and two logged today, already bound.
    for (let i = 3; i < 5; i++)
      await log(org, {
        memberId: members[i],
        occurredAt: hoursFromNow(-1),
        channel: 'PHONE',
        notes: `new note ${i}`,
      });
    const notes = async () => {
      const res = await t.gql<NotesList>(org, NOTES_LIST, { l: w.own.id });
      expect(res.errors).toBeUndefined();
      return res.data!.oneOnOnes.nodes.map((n) => n.notes).sort();
    };
    const expected = ['new note 3', 'new note 4', 'old note 0', 'old note 1', 'old note 2'];
    expect(await notes()).toEqual(expected);

    // The start-time check counts them in its log, pointing at the command (run again here: a
    // second app in this process would take over passport's strategy).
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await t.app.get(NotesKeyCheck).onApplicationBootstrap();
      expect(warn.mock.calls.map((c) => String(c[0]))).toContain(
        '3 one-on-one notes are still v1, not bound to their row: run npm run notes:reencrypt',
      );
    } finally {
      warn.mockRestore();
    }

    const out = reencrypt('--batch', '2');
    const current = new FieldCipher(key).currentKeyId;
    expect(out).toContain(
      `this run moved 3 notes. Key ${current} now holds 5 of 5 notes, each bound to its row; 0 left to move (0 v1, 0 under a retired key).`,
    );
    expect(out).toMatch(/^done: every note is current/m);
    const raw = await t.db.query(`select id, notes from one_on_one where local_id = $1`, [w.own.id]);
    expect(raw.rows.every((r: { notes: string }) => r.notes.startsWith(`v2:${current}:`))).toBe(true);
    expect(await notes()).toEqual(expected);

    // Run again: nothing left to move.
    expect(reencrypt()).toContain(`this run moved 0 notes. Key ${current} now holds 5 of 5 notes`);

    // A migrated note is bound too: copied onto another row, it no longer decrypts.
    await t.db.query(
      `update one_on_one set notes = (select notes from one_on_one where id = $1) where id = $2`,
      [old[0], old[1]],
    );
    const res = await t.gql<NotesList>(org, NOTES_LIST, { l: w.own.id });
    expect(res.data!.oneOnOnes.nodes.find((n) => n.id === old[1])!.notes).toBeNull();
    expect(res.errors?.[0].extensions.code).toBe('UNREADABLE');

    // A v1 note that was tampered with: the command leaves it, names it by id, and is not done.
    const tampered = legacyV1(key, 'tampered note').split(':');
    tampered[3] = (tampered[3][0] === 'A' ? 'B' : 'A') + tampered[3].slice(1);
    await t.db.query(`update one_on_one set notes = $2 where id = $1`, [old[2], tampered.join(':')]);
    const again = reencrypt();
    expect(again).toContain(`this run moved 0 notes. Key ${current} now holds 4 of 5 notes`);
    expect(again).toContain('1 left to move (1 v1, 0 under a retired key)');
    expect(again).toMatch(
      new RegExp(`^1 notes did not decrypt and were left as they are .*: ${old[2]}$`, 'm'),
    );
    expect(again).not.toContain('tampered note');
    expect(again).toMatch(/^not done: keep NOTES_ENCRYPTION_KEYS_OLD/m);
  });
});
