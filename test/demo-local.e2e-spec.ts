import { seedDemoLocal, DEMO_ACCOUNTS } from '../apps/api/src/demo-local';
import { TestApp } from '@juntos/test-support';

/** `npm start`'s demo local: someone new signs in as its steward and has a day's work waiting. */
describe('the demo local for a first start', () => {
  let t: TestApp;
  let password: string | null;
  beforeAll(async () => {
    t = await TestApp.create();
    password = await seedDemoLocal(t.env.MIGRATION_DATABASE_URL!);
  });
  afterAll(() => t.close());

  async function signIn(email: string): Promise<string> {
    const res = await t.http().post('/auth/login').send({ email, password });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  }

  it('is made once, on a database with no local, and never again', async () => {
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await seedDemoLocal(t.env.MIGRATION_DATABASE_URL!)).toBeNull();
    const { rows } = await t.db.query('select count(*)::int as n from local');
    expect(rows[0].n).toBe(1);
  });

  it("gives the steward a day's work within their workplace only, through the API's own rules", async () => {
    const token = await signIn(DEMO_ACCOUNTS[0].email);
    const { data: me } = await t.gql<{ me: { roles: { local: { id: string } }[] } }>(
      token,
      '{ me { roles { local { id } } } }',
    );
    const localId = me!.me.roles[0].local.id;
    const { data, errors } = await t.gql<{
      members: { totalCount: number; nodes: { firstName: string }[] };
      myFollowUps: { member: { firstName: string } }[];
      petitions: { nodes: { signatureCount: number; goal: number }[] };
      recentIssues: string[];
    }>(
      token,
      `query($l: ID!) {
        members(localId: $l, first: 50) { totalCount nodes { firstName } }
        myFollowUps(localId: $l) { member { firstName } }
        petitions(localId: $l, status: OPEN) { nodes { signatureCount goal } }
        recentIssues(localId: $l)
      }`,
      { l: localId },
    );
    expect(errors).toBeUndefined();
    expect(data!.members.totalCount).toBe(12);
    expect(data!.members.nodes.map((m) => m.firstName)).not.toContain('Marta');
    expect(data!.myFollowUps.map((o) => o.member.firstName)).toEqual(['Ana', 'Bea']);
    expect(data!.petitions.nodes).toEqual([{ signatureCount: 4, goal: 13 }]);
    expect(data!.recentIssues).toEqual(expect.arrayContaining(['salarios', 'seguridad', 'horarios']));
  });

  it('lets the organizer see the whole local, and the board member no names', async () => {
    const organizer = await signIn(DEMO_ACCOUNTS[1].email);
    const { data } = await t.gql<{ locals: { id: string }[] }>(organizer, '{ locals { id } }');
    const l = data!.locals[0].id;
    const all = await t.gql<{ members: { totalCount: number } }>(
      organizer,
      'query($l: ID!) { members(localId: $l) { totalCount } }',
      { l },
    );
    expect(all.data!.members.totalCount).toBe(13);
    const board = await signIn(DEMO_ACCOUNTS[2].email);
    const refused = await t.gql(board, 'query($l: ID!) { members(localId: $l) { totalCount } }', { l });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
