import { Role } from '@juntos/common';
import { grant, makeLocal, useWorld } from '@juntos/test-support';

const SEARCH = `query($l: ID!, $s: String!) {
  members(localId: $l, filter: { search: $s }) { nodes { firstName lastName } }
}`;
const CREATE = `mutation($input: MemberInput!) { createMember(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }`;
const IMPORT = `mutation($l: ID!, $csv: String!) { importMembers(localId: $l, csv: $csv) { created updated } }`;

/**
 * Search reads member.search_text, which a trigger keeps from the names, email and phone: every
 * way a member is written must leave it current, or search would find stale names.
 */
describe('members search text', () => {
  const ctx = useWorld({ PHONE_DEFAULT_REGION: 'US' });
  const token = () => ctx.w.own.users.ORGANIZER.token;

  async function newLocal() {
    const id = await makeLocal(ctx.t.db, `Search ${Math.random()}`);
    await grant(ctx.t.db, id, ctx.w.own.users.ORGANIZER.id, Role.ORGANIZER);
    return id;
  }
  const names = async (localId: string, s: string) => {
    const res = await ctx.t.gql<{ members: { nodes: { firstName: string; lastName: string }[] } }>(
      token(),
      SEARCH,
      { l: localId, s },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.members.nodes.map((n) => `${n.firstName} ${n.lastName}`);
  };

  it('follows a member created, then renamed, given an email and a phone', async () => {
    const l = await newLocal();
    const created = await ctx.t.gql<{ createMember: { id: string } }>(token(), CREATE, {
      input: { localId: l, firstName: 'Lupe', lastName: 'Garcés' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createMember.id;
    expect(await names(l, 'garc')).toEqual(['Lupe Garcés']);

    const renamed = await ctx.t.gql(token(), UPDATE, {
      id,
      input: { lastName: 'Núñez', email: 'lupe.n@example.org', phone: '(718) 555-0199' },
    });
    expect(renamed.errors).toBeUndefined();
    expect(await names(l, 'garc')).toEqual([]);
    expect(await names(l, 'NUNEZ')).toEqual(['Lupe Núñez']);
    expect(await names(l, 'lupe.n@')).toEqual(['Lupe Núñez']);
    expect(await names(l, '555-0199')).toEqual(['Lupe Núñez']);
  });

  it('follows members imported by CSV, created and then updated by a second import', async () => {
    const l = await newLocal();
    const first = await ctx.t.gql(token(), IMPORT, {
      l,
      csv: 'firstName,lastName,email\nRosa,García,rosa@example.org\nAna,Smith,ana@example.org',
    });
    expect(first.errors).toBeUndefined();
    expect(await names(l, 'garc')).toEqual(['Rosa García']);
    // Matched by email, renamed by the file.
    const second = await ctx.t.gql(token(), IMPORT, {
      l,
      csv: 'firstName,lastName,email\nAna,Garcia,ana@example.org',
    });
    expect(second.data).toEqual({ importMembers: { created: 0, updated: 1 } });
    expect(await names(l, 'garc')).toEqual(['Ana Garcia', 'Rosa García']);
    expect(await names(l, 'smith')).toEqual([]);
  });
});
