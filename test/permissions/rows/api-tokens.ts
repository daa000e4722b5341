import { Pool } from 'pg';
import { World } from '@juntos/test-support';
import { adminOnlyByLocal, byId, byIdWrite, inLocal, localOf, Row, unique, Where } from '../row';

/** A live token of the local, written directly (its secret is never needed here). */
async function tokenIn(db: Pool, w: World, where: Where): Promise<string> {
  const local = localOf(w, where);
  const { rows } = await db.query(
    `insert into api_token (local_id, name, scopes, secret_hash, created_by)
     values ($1, 'sync', '{OSDI_READ}', decode(md5(random()::text), 'hex'), $2) returning id`,
    [local.id, local.users.LOCAL_ADMIN.id],
  );
  return rows[0].id;
}

/** The API tokens module's root operations: the local's admins only. */
export const ROWS: Record<string, Row> = {
  'Query.apiTokens': {
    call: inLocal('query($l: ID!) { apiTokens(localId: $l) { id name scopes secret } }'),
    expect: adminOnlyByLocal,
    // Listed, the secret is never there.
    check: (data) =>
      expect(
        (data as { apiTokens: { secret: string | null }[] }).apiTokens.every((t) => t.secret === null),
      ).toBe(true),
  },
  'Mutation.createApiToken': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { name scopes secret } }',
      variables: {
        input: { localId: localOf(w, where).id, name: `sync ${unique()}`, scopes: ['OSDI_READ'] },
      },
    }),
    expect: adminOnlyByLocal,
    check: (data) =>
      expect(data).toEqual({
        createApiToken: {
          name: expect.stringMatching(/^sync /),
          scopes: ['OSDI_READ'],
          secret: expect.any(String),
        },
      }),
  },
  'Mutation.revokeApiToken': {
    call: byId('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', (t, w, where) =>
      tokenIn(t.db, w, where),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true }),
    check: (data) => expect(data).toEqual({ revokeApiToken: { revokedAt: expect.any(String) } }),
  },
};
