import { createHash } from 'node:crypto';
import { useWorld } from '@juntos/test-support';
import { ApiTokensService } from '../apps/api/src/modules/api-tokens/api-tokens.service';

/** A local's OSDI API tokens: created by its admin, the secret shown once, revoked at once. */
describe('API tokens', () => {
  const ctx = useWorld();
  const admin = () => ctx.w.token('LOCAL_ADMIN');
  const create = (input: Record<string, unknown>) =>
    ctx.t.gql<{
      createApiToken: { id: string; secret: string | null; scopes: string[]; lastUsedAt: string | null };
    }>(
      admin(),
      'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { id secret scopes lastUsedAt createdBy { id } local { id } } }',
      { input: { localId: ctx.w.own.id, ...input } },
    );

  it('shows the secret once, keeps only its SHA-256, and never lists it', async () => {
    const { data, errors } = await create({
      name: 'Action Network sync',
      scopes: ['OSDI_READ', 'OSDI_WRITE'],
    });
    expect(errors).toBeUndefined();
    const token = data!.createApiToken;
    expect(token.secret).toMatch(/^juntos_osdi_[\w-]{43}$/);
    expect(token.scopes).toEqual(['OSDI_READ', 'OSDI_WRITE']);
    expect(token.lastUsedAt).toBeNull();
    const { rows } = await ctx.t.db.query('select * from api_token where id = $1', [token.id]);
    expect(rows[0].secret_hash).toEqual(createHash('sha256').update(token.secret!).digest());
    expect(JSON.stringify(rows[0])).not.toContain(token.secret!.slice(12));
    const listed = await ctx.t.gql<{
      apiTokens: { id: string; secret: string | null; createdBy: { id: string } }[];
    }>(admin(), 'query($l: ID!) { apiTokens(localId: $l) { id secret createdBy { id } } }', {
      l: ctx.w.own.id,
    });
    expect(listed.data!.apiTokens).toContainEqual({
      id: token.id,
      secret: null,
      createdBy: { id: ctx.w.own.users.LOCAL_ADMIN.id },
    });
    // The audit log names the token, never its secret.
    const audit = await ctx.t.db.query(`select * from audit_event where target_id = $1`, [token.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['api_token.create']);
    expect(JSON.stringify(audit.rows)).not.toContain(token.secret!.slice(12));
  });

  it('lets the secret in until it is revoked, stamping its last use; revoking stops it at once', async () => {
    const { data } = await create({ name: 'export', scopes: ['OSDI_READ'] });
    const { id, secret } = data!.createApiToken;
    const tokens = ctx.t.app.get(ApiTokensService);
    expect(await tokens.authenticate(secret!)).toMatchObject({
      id,
      localId: ctx.w.own.id,
      scopes: ['OSDI_READ'],
    });
    expect(await tokens.authenticate(`${secret!}x`)).toBeNull();
    expect(await tokens.authenticate('not a token')).toBeNull();
    const used = await ctx.t.db.query('select last_used_at from api_token where id = $1', [id]);
    expect(used.rows[0].last_used_at).toBeInstanceOf(Date);

    const revoked = await ctx.t.gql<{ revokeApiToken: { revokedAt: string; lastUsedAt: string } }>(
      admin(),
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt lastUsedAt } }',
      { id },
    );
    expect(revoked.data!.revokeApiToken.revokedAt).toEqual(expect.any(String));
    expect(revoked.data!.revokeApiToken.lastUsedAt).toEqual(expect.any(String));
    expect(await tokens.authenticate(secret!)).toBeNull();
    // Revoking again keeps the first time.
    const again = await ctx.t.gql<{ revokeApiToken: { revokedAt: string } }>(
      admin(),
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id },
    );
    expect(again.data!.revokeApiToken.revokedAt).toBe(revoked.data!.revokeApiToken.revokedAt);
  });

  it.each([
    [{ name: '', scopes: ['OSDI_READ'] }, 'name'],
    [{ name: 'x'.repeat(101), scopes: ['OSDI_READ'] }, 'name'],
    [{ name: 'sync', scopes: [] }, 'scopes'],
    [{ name: 'sync', scopes: ['OSDI_READ', 'OSDI_READ', 'OSDI_WRITE'] }, 'scopes'],
  ])('refuses %j with BAD_USER_INPUT and writes nothing', async (input, field) => {
    const before = await ctx.t.db.query('select count(*)::int as n from api_token');
    const { data, errors } = await create(input);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors?.[0].message).toContain(field);
    const after = await ctx.t.db.query('select count(*)::int as n from api_token');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses an unknown scope before anything runs', async () => {
    const { errors } = await create({ name: 'sync', scopes: ['ADMIN'] });
    expect(errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
