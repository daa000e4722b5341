import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMember, makePetition } from '@juntos/testing';
import { useWorld } from '@juntos/test-support';

const IMPORT = `mutation($l: ID!, $csv: String!) {
  importMembers(localId: $l, csv: $csv) { created updated skipped errors { row message } format ignoredColumns }
}`;
type Imported = {
  importMembers: {
    created: number;
    updated: number;
    skipped: number;
    errors: { row: number; message: string }[];
    format: string;
    ignoredColumns: string[];
  };
};
const MEMBERS = `query($l: ID!) {
  members(localId: $l, first: 100) { nodes { firstName lastName email phone preferredLanguage tags updatedAt } }
}`;
type Listed = { members: { nodes: Record<string, unknown>[] } };

const fixture = readFileSync(join(__dirname, 'fixtures', 'action-network-export.csv'), 'utf8');
const ctx = useWorld();
const org = () => ctx.w.own.users.ORGANIZER.token;

describe('an Action Network export imports as it comes', () => {
  const members = async () => {
    const res = await ctx.t.gql<Listed>(org(), MEMBERS, { l: ctx.w.own.id });
    expect(res.errors).toBeUndefined();
    return res.data!.members.nodes;
  };

  it('maps names, email, phone, tags and language; leaves the address, ZIP and statuses out; explains the refused row', async () => {
    const res = await ctx.t.gql<Imported>(org(), IMPORT, { l: ctx.w.own.id, csv: fixture });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importMembers).toEqual({
      // Row 7 is row 2's José García again, in capitals and without accents: one member.
      created: 5,
      updated: 1,
      skipped: 1,
      errors: [{ row: 5, message: expect.stringMatching(/^firstName: /) }],
      format: 'ACTION_NETWORK',
      ignoredColumns: [
        'uuid',
        'zip_code',
        'can2_user_address',
        'can2_user_city',
        'can2_state_abbreviated',
        'can2_county',
        'can2_sms_status',
        'can2_subscription_status',
        'can2_subscription_date',
      ],
    });
    const shown = (await members()).map(({ updatedAt: _, ...m }) => m);
    expect(shown).toEqual([
      {
        firstName: 'José',
        lastName: 'García',
        email: 'jose.garcia@example.org',
        phone: '+13235550107',
        preferredLanguage: 'es',
        tags: ['rent strike 2024'],
      },
      {
        firstName: 'María José',
        lastName: 'Hernández Peña',
        email: 'mj.hernandez@example.org',
        phone: '+12135550146',
        preferredLanguage: 'es',
        tags: ['comité de inquilinos', 'westlake', 'rent strike 2024'],
      },
      {
        firstName: 'Dana',
        lastName: "O'Connor",
        email: 'dana.oconnor@example.com',
        phone: '+12135550188', // from the Phone custom field, can2_phone being blank
        preferredLanguage: 'en',
        tags: ['kitchen'],
      },
      {
        firstName: 'Nguyễn',
        lastName: 'Thị Lan',
        email: 'lan.nguyen@example.net',
        phone: '+12135550123',
        preferredLanguage: null,
        tags: [],
      },
      {
        firstName: 'Chris',
        lastName: 'Walker',
        email: 'chris.walker@example.com',
        phone: '+13105550196', // can2_phone wins over the Phone custom field
        preferredLanguage: null,
        tags: ['housekeeping', 'night shift'],
      },
    ]);
    // Nothing of the address, ZIP code or county reached the database.
    const { rows } = await ctx.t.db.query(`select m::text as row from member m where local_id = $1`, [
      ctx.w.own.id,
    ]);
    const stored = rows.map((r: { row: string }) => r.row).join('\n');
    for (const left of ['90057', '6th St', 'Los Angeles', 'subscribed', '0c6f5b0e'])
      expect(stored).not.toContain(left);
  });

  it('changes nothing when the same file comes again: no one created, no member modified', async () => {
    const before = await members();
    const res = await ctx.t.gql<Imported>(org(), IMPORT, { l: ctx.w.own.id, csv: fixture });
    expect(res.data!.importMembers).toMatchObject({ created: 0, updated: 6, skipped: 1 });
    expect(await members()).toEqual(before);
  });
});

describe('a member shows as modified (updatedAt, OSDI modified_date) whatever changed them', () => {
  const LONG_AGO = '2020-01-01T00:00:00.000Z';
  let memberId: string;

  beforeEach(async () => {
    memberId = await makeMember(ctx.t.db, ctx.w.own.id, {
      firstName: 'Rosa',
      lastName: 'Méndez',
      email: `rosa.${Math.random().toString(36).slice(2)}@example.org`,
    });
    // A statement that sets updated_at itself is taken at its word: the clock starts long ago.
    await ctx.t.db.query(`update member set updated_at = $2 where id = $1`, [memberId, LONG_AGO]);
  });
  const updatedAt = async () => {
    const res = await ctx.t.gql<{ member: { updatedAt: string } }>(
      org(),
      'query($id: ID!) { member(id: $id) { updatedAt } }',
      { id: memberId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.member.updatedAt;
  };
  const ok = (res: { errors?: unknown }) => expect(res.errors).toBeUndefined();

  it('starts unmodified', async () => {
    expect(await updatedAt()).toBe(LONG_AGO);
  });

  it('by an edit', async () => {
    ok(
      await ctx.t.gql(
        org(),
        'mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }',
        {
          id: memberId,
          i: { preferredName: 'Rosi' },
        },
      ),
    );
    expect(await updatedAt()).not.toBe(LONG_AGO);
  });

  it('by a one-on-one logged', async () => {
    ok(
      await ctx.t.gql(org(), 'mutation($i: LogOneOnOneInput!) { logOneOnOne(input: $i) { id } }', {
        i: { memberId, channel: 'IN_PERSON', occurredAt: new Date().toISOString(), supportLevel: 2 },
      }),
    );
    expect(await updatedAt()).not.toBe(LONG_AGO);
  });

  it('by an import that changes them, and not by one that leaves them as they were', async () => {
    const { rows } = await ctx.t.db.query('select email from member where id = $1', [memberId]);
    const csv = (tags: string) => `firstName,lastName,email,tags\nRosa,Méndez,${rows[0].email},${tags}\n`;
    ok(await ctx.t.gql(org(), IMPORT, { l: ctx.w.own.id, csv: csv('') }));
    expect(await updatedAt()).toBe(LONG_AGO);
    ok(await ctx.t.gql(org(), IMPORT, { l: ctx.w.own.id, csv: csv('leader') }));
    expect(await updatedAt()).not.toBe(LONG_AGO);
  });

  it('by a signature given, and by one withdrawn', async () => {
    const petitionId = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'OPEN' });
    const signed = await ctx.t.gql<{ addSignature: { id: string } }>(
      org(),
      'mutation($i: AddSignatureInput!) { addSignature(input: $i) { id } }',
      { i: { petitionId, memberId, method: 'PAPER' } },
    );
    ok(signed);
    expect(await updatedAt()).not.toBe(LONG_AGO);
    await ctx.t.db.query(`update member set updated_at = $2 where id = $1`, [memberId, LONG_AGO]);
    ok(
      await ctx.t.gql(org(), 'mutation($id: ID!) { removeSignature(id: $id) }', {
        id: signed.data!.addSignature.id,
      }),
    );
    expect(await updatedAt()).not.toBe(LONG_AGO);
  });

  it('by SQL that forgets updated_at', async () => {
    await ctx.t.db.query(`update member set tags = '{by-hand}' where id = $1`, [memberId]);
    expect(await updatedAt()).not.toBe(LONG_AGO);
  });
});
