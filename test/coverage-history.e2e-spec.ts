import { Role } from '@juntos/common';
import { grant, makeLocal, makeMember, makeOneOnOne, useWorld } from '@juntos/test-support';

const HISTORY = `query($l: ID!, $weeks: Int) { localDashboard(localId: $l) {
  coverageHistory(weeks: $weeks) { weekEnding memberCount coveredCount share }
} }`;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface Week {
  weekEnding: string;
  memberCount: number;
  coveredCount: number;
  share: number;
}

describe("the dashboard's coverage over time", () => {
  const ctx = useWorld();
  const history = (token: string | null, localId: string, weeks?: number) =>
    ctx.t.gql<{ localDashboard: { coverageHistory: Week[] } }>(token, HISTORY, { l: localId, weeks });

  /** A member of the local, created and (when given) archived that many days ago. */
  async function member(localId: string, created: number, archived?: number): Promise<string> {
    const id = await makeMember(ctx.t.db, localId);
    await ctx.t.db.query('update member set created_at = $1, archived_at = $2 where id = $3', [
      daysAgo(created),
      archived === undefined ? null : daysAgo(archived),
      id,
    ]);
    return id;
  }
  const talk = (localId: string, memberId: string, days: number) =>
    makeOneOnOne(ctx.t.db, localId, memberId, ctx.w.own.users.ORGANIZER.id, {
      occurredAt: daysAgo(days),
      followUpAt: null,
    });

  beforeAll(async () => {
    const { own, other } = ctx.w;
    // Every date sits a day or more from a week's end (now, 7, 14… days ago) or its 30-day window.
    const m1 = await member(own.id, 200); // met 3, 4 and 50 days ago
    const m2 = await member(own.id, 200, 10); // archived 10 days ago, met 20 days ago
    const m3 = await member(own.id, 20); // added 20 days ago, met 5 days ago and (logged late) 40
    await member(own.id, 200); // never met
    for (const d of [3, 4, 50]) await talk(own.id, m1, d);
    await talk(own.id, m2, 20);
    for (const d of [5, 40]) await talk(own.id, m3, d);
    // Another local's members and conversations are never counted.
    for (let i = 0; i < 3; i++) await talk(other.id, await member(other.id, 200), 2 + i * 7);
  });

  it('gives, week by week, the members present at its end and those met in the 30 days before', async () => {
    const r = await history(ctx.w.own.users.BOARD_MEMBER.token, ctx.w.own.id);
    expect(r.errors).toBeUndefined();
    const weeks = r.data!.localDashboard.coverageHistory;
    // Twelve weeks unless asked, oldest first, a week apart, the last ending now.
    expect(weeks).toHaveLength(12);
    const ends = weeks.map((w) => new Date(w.weekEnding).getTime());
    for (let i = 1; i < ends.length; i++) expect(ends[i] - ends[i - 1]).toBe(7 * DAY);
    expect(Math.abs(ends[11] - Date.now())).toBeLessThan(DAY);
    // Newest first for reading: [members, covered] at the end of each week, 0 to 11 weeks ago.
    expect(
      weeks
        .slice()
        .reverse()
        .map((w) => [w.memberCount, w.coveredCount]),
    ).toEqual([
      [3, 2], // now: m1 (3 days ago), m3 (5); m2 archived
      [3, 0], // 7 days ago: m1's and m3's talks are later, their others older than 30 days
      [4, 2], // 14: m2 not yet archived (met 20 days ago), m3 (40, before it was added)
      [3, 1], // 21: m1 (50); m3 not yet added, so its talk 40 days ago does not count
      [3, 1], // 28
      [3, 1], // 35
      [3, 1], // 42
      [3, 1], // 49: m1's talk 50 days ago is still within 30 days
      [3, 0], // 56
      [3, 0],
      [3, 0],
      [3, 0],
    ]);
    for (const w of weeks) expect(w.share).toBeCloseTo(w.coveredCount / w.memberCount, 10);
  });

  it('answers as many weeks as asked, from 1 to 52, and refuses others with BAD_USER_INPUT', async () => {
    const token = ctx.w.own.users.ORGANIZER.token;
    const one = await history(token, ctx.w.own.id, 1);
    expect(one.data!.localDashboard.coverageHistory).toEqual([
      expect.objectContaining({ memberCount: 3, coveredCount: 2 }),
    ]);
    const year = await history(token, ctx.w.own.id, 52);
    expect(year.errors).toBeUndefined();
    expect(year.data!.localDashboard.coverageHistory).toHaveLength(52);
    for (const weeks of [0, -1, 53, 1000]) {
      const r = await history(token, ctx.w.own.id, weeks);
      expect(r.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
        ['BAD_USER_INPUT', 'weeks'],
      ]);
    }
  });

  it('answers as 0 for a local with no members', async () => {
    const empty = await makeLocal(ctx.t.db, 'Empty local');
    await grant(ctx.t.db, empty, ctx.w.own.users.BOARD_MEMBER.id, Role.BOARD_MEMBER);
    const r = await history(ctx.w.own.users.BOARD_MEMBER.token, empty, 2);
    expect(
      r.data!.localDashboard.coverageHistory.map((w) => [w.memberCount, w.coveredCount, w.share]),
    ).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("is the dashboard's to read: admins, organizers and board members of the local; never stewards or others", async () => {
    const { own, other } = ctx.w;
    for (const role of ['LOCAL_ADMIN', 'ORGANIZER', 'BOARD_MEMBER'] as const) {
      const r = await history(own.users[role].token, own.id, 1);
      expect(r.errors).toBeUndefined();
      expect(r.data!.localDashboard.coverageHistory[0].memberCount).toBe(3);
      const theirs = await history(own.users[role].token, other.id, 1);
      expect(theirs.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
    const steward = await history(own.users.STEWARD.token, own.id, 1);
    expect(steward.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const anonymous = await history(null, own.id, 1);
    expect(anonymous.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    // The other local's own board sees its three members, each met 2, 9 and 16 days ago.
    const theirs = await history(other.users.BOARD_MEMBER.token, other.id, 3);
    expect(theirs.data!.localDashboard.coverageHistory.map((w) => [w.memberCount, w.coveredCount])).toEqual([
      [3, 1],
      [3, 2],
      [3, 3],
    ]);
  });
});
