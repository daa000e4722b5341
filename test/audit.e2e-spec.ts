import { useWorld } from '@juntos/test-support';

const LOG = `query($l: ID!) {
  auditEvents(localId: $l, first: 5) { nodes { action ip detail { name count } } }
}`;
type Log = {
  auditEvents: { nodes: { action: string; ip: string | null; detail: { name: string; count: number }[] }[] };
};

describe('the audit log serves what it stores: the address and the counts', () => {
  const ctx = useWorld();

  it('shows an import with its client address and its counts, never the rows', async () => {
    const { t, w } = ctx;
    const csv = 'firstName,lastName,email\nAna,Reyes,ana.audit@example.org\nLuis,Mora,not-an-email\n';
    const imported = await t.gql(
      w.own.users.ORGANIZER.token,
      'mutation($l: ID!, $csv: String!) { importMembers(localId: $l, csv: $csv) { created skipped } }',
      { l: w.own.id, csv },
    );
    expect(imported.errors).toBeUndefined();

    const log = await t.gql<Log>(w.own.users.LOCAL_ADMIN.token, LOG, { l: w.own.id });
    expect(log.errors).toBeUndefined();
    const event = log.data!.auditEvents.nodes.find((e) => e.action === 'member.import')!;
    expect(event.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(Object.fromEntries(event.detail.map((d) => [d.name, d.count]))).toEqual({
      rows: 2,
      created: 1,
      updated: 0,
      skipped: 1,
    });
    expect(JSON.stringify(log.data)).not.toMatch(/Ana|Reyes|ana\.audit/);
  });

  it("keeps the platform admin's address out of the log of a local it seats", async () => {
    const { t, w } = ctx;
    const invited = await t.gql(
      w.platformAdmin.token,
      'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { id } }',
      { i: { localId: w.own.id, email: 'new.admin@example.org', role: 'LOCAL_ADMIN' } },
    );
    expect(invited.errors).toBeUndefined();
    const log = await t.gql<Log>(w.own.users.LOCAL_ADMIN.token, LOG, { l: w.own.id });
    const event = log.data!.auditEvents.nodes.find((e) => e.action === 'invitation.create')!;
    expect(event.ip).toBeNull();
    const stored = await t.db.query(
      `select count(*)::int as n from audit_event where action = 'invitation.create' and ip is not null`,
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('gives an event without counts an empty detail', async () => {
    const { t, w } = ctx;
    const made = await t.gql(
      w.own.users.ORGANIZER.token,
      'mutation($i: WorkplaceInput!) { createWorkplace(input: $i) { id } }',
      { i: { localId: w.own.id, name: 'Audit bakery', kind: 'WORKSITE' } },
    );
    expect(made.errors).toBeUndefined();
    const log = await t.gql<Log>(w.own.users.LOCAL_ADMIN.token, LOG, { l: w.own.id });
    const event = log.data!.auditEvents.nodes.find((e) => e.action === 'workplace.create')!;
    expect(event.detail).toEqual([]);
  });
});
