import { useWorld } from '@juntos/test-support';

const IMPORT = `mutation($l: ID!, $csv: String!) {
  importMembers(localId: $l, csv: $csv) { created updated skipped errors { row message } }
}`;
const NAMES = `query($l: ID!) { members(localId: $l, first: 100) { totalCount nodes { firstName lastName preferredName email alertOptIn } } }`;
type Imported = { importMembers: { created: number; updated: number; skipped: number } };
type Names = {
  members: {
    totalCount: number;
    nodes: {
      firstName: string;
      lastName: string;
      preferredName: string | null;
      email: string | null;
      alertOptIn: boolean;
    }[];
  };
};

describe('export, then import, leaves the member list as it was', () => {
  const ctx = useWorld();
  const admin = () => ctx.w.own.users.LOCAL_ADMIN.token;

  beforeAll(async () => {
    const { t, w } = ctx;
    for (const input of [
      { firstName: 'José', lastName: 'García', email: 'jose.garcia@example.org', alertOptIn: true },
      { firstName: '-minus', lastName: '+Plus', preferredName: '=SUM(A1)', email: 'formula@example.org' },
      { firstName: '@Ana', lastName: "O'Brien", phone: '+13105550199' },
    ]) {
      const res = await t.gql(admin(), 'mutation($i: MemberInput!) { createMember(input: $i) { id } }', {
        i: { localId: w.own.id, workplaceId: w.own.assigned, ...input },
      });
      expect(res.errors).toBeUndefined();
    }
  });

  it('undoes exactly the export’s formula escaping, so nobody is duplicated', async () => {
    const { t, w } = ctx;
    const before = await t.gql<Names>(admin(), NAMES, { l: w.own.id });
    const exported = await t.gql<{ exportMembers: string }>(
      admin(),
      'query($l: ID!) { exportMembers(localId: $l) }',
      {
        l: w.own.id,
      },
    );
    expect(exported.data!.exportMembers).toContain("'-minus");
    // Consent leaves as yes or no, and comes back as it was.
    expect(before.data!.members.nodes.map((m) => m.alertOptIn).sort()).toEqual([false, false, true]);
    expect(exported.data!.exportMembers.split('\n')[0]).toMatch(/,alertOptIn$/);
    expect(exported.data!.exportMembers).toMatch(/jose\.garcia@example\.org,.*,yes\n/);
    // Changed since the export: importing it puts back what it says, so the column is read.
    await t.db.query(`update member set alert_opt_in = not alert_opt_in where local_id = $1`, [w.own.id]);

    const res = await t.gql<Imported>(admin(), IMPORT, { l: w.own.id, csv: exported.data!.exportMembers });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importMembers).toMatchObject({ created: 0, skipped: 0 });
    const after = await t.gql<Names>(admin(), NAMES, { l: w.own.id });
    expect(after.data).toEqual(before.data);
  });

  it('never degrades a stored name to a spelling without accents or case', async () => {
    const { t, w } = ctx;
    const csv = 'firstName,lastName,email\njose,GARCIA,jose.garcia@example.org\n';
    const res = await t.gql<Imported>(admin(), IMPORT, { l: w.own.id, csv });
    expect(res.data!.importMembers).toMatchObject({ created: 0, updated: 1 });
    const after = await t.gql<Names>(admin(), NAMES, { l: w.own.id });
    const jose = after.data!.members.nodes.find((m) => m.email === 'jose.garcia@example.org')!;
    expect([jose.firstName, jose.lastName]).toEqual(['José', 'García']);
  });

  it('still takes a real correction of a name', async () => {
    const { t, w } = ctx;
    const csv = 'firstName,lastName,email\nJosé Luis,García,jose.garcia@example.org\n';
    await t.gql<Imported>(admin(), IMPORT, { l: w.own.id, csv });
    const after = await t.gql<Names>(admin(), NAMES, { l: w.own.id });
    expect(after.data!.members.nodes.find((m) => m.email === 'jose.garcia@example.org')!.firstName).toBe(
      'José Luis',
    );
  });
});
