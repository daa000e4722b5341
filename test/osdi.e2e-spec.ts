import { DataSource, QueryFailedError } from 'typeorm';
import { makeMember, makeOneOnOne, makePetition, makeWorkplace, useWorld } from '@juntos/test-support';
import { HttpErrorsFilter } from '../apps/api/src/graphql/http-error.filter';

/** The OSDI interface at /osdi/v1/: a local's people, paged out with a read token. */
describe('OSDI: the entry point and people', () => {
  const ctx = useWorld();
  let read: string;

  async function token(scopes: string[], localId = ctx.w.own.id, admin = ctx.w.token('LOCAL_ADMIN')) {
    const { data } = await ctx.t.gql<{ createApiToken: { id: string; secret: string } }>(
      admin,
      'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { id secret } }',
      { input: { localId, name: `sync ${scopes.join(' ')}`, scopes } },
    );
    return data!.createApiToken;
  }
  const get = (path: string, secret?: string) => {
    const req = ctx.t.http().get(path);
    return secret ? req.set('OSDI-API-Token', secret) : req;
  };

  beforeAll(async () => {
    read = (await token(['OSDI_READ'])).secret;
  });

  it('answers the entry point in HAL+JSON to a token, and nothing without one', async () => {
    const res = await get('/osdi/v1/', read);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/hal\+json/);
    expect(res.body).toMatchObject({
      osdi_version: '1.2.0',
      vendor_name: 'Juntos',
      product_name: 'Juntos',
      max_pagesize: 100,
      _links: { 'osdi:people': { href: expect.stringMatching(/\/osdi\/v1\/people$/) } },
    });
    expect((await get('/osdi/v1/')).status).toBe(401);
    expect((await get('/osdi/v1/', 'juntos_osdi_not-a-real-one')).status).toBe(401);
  });

  it('refuses a token in the query string, even beside a good header', async () => {
    const res = await get(`/osdi/v1/people?api_token=${read}`, read);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/OSDI-API-Token header/);
  });

  it('refuses a token value in the query string under any name, even beside a good header', async () => {
    const t = await token(['OSDI_READ']);
    for (const q of [
      `q=${t.secret}`,
      `page=1&x=${t.secret}`,
      `x[y]=${t.secret}`,
      `x=1&x=${t.secret}`,
      `${t.secret}=1`,
      `filter=${encodeURIComponent(`modified_date gt '${t.secret}'`)}`,
      `q=${t.secret.toUpperCase()}`,
    ]) {
      const res = await get(`/osdi/v1/people?${q}`, read);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/revoke it/),
      });
    }
    // Nothing was read with either token, and an ordinary query still works.
    const { rows } = await ctx.t.db.query(
      `select count(*)::int as n from audit_event where target_id = $1 and action like 'osdi.%'`,
      [t.id],
    );
    expect(rows[0].n).toBe(0);
    expect((await get('/osdi/v1/people?per_page=2', read)).status).toBe(200);
  });

  it("pages every person of the token's local to the end, each once, and none of another local", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 23; i++)
      ids.add(
        await makeMember(ctx.t.db, ctx.w.own.id, { firstName: `Página${i}`, email: `p${i}@example.org` }),
      );
    const other = await makeMember(ctx.t.db, ctx.w.other.id, { firstName: 'Elsewhere' });
    const { rows } = await ctx.t.db.query('select count(*)::int as n from member where local_id = $1', [
      ctx.w.own.id,
    ]);
    let next: string | undefined = '/osdi/v1/people?per_page=10';
    const seen: string[] = [];
    let pages = 0;
    while (next) {
      const res = await get(next.replace(/^https?:\/\/[^/]+/, ''), read);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        per_page: 10,
        total_records: rows[0].n,
        total_pages: Math.ceil(rows[0].n / 10),
      });
      for (const p of res.body._embedded['osdi:people']) seen.push(p.identifiers[0].slice('juntos:'.length));
      next = res.body._links.next?.href;
      pages++;
    }
    expect(pages).toBe(Math.ceil(rows[0].n / 10));
    expect(seen).toHaveLength(rows[0].n);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    expect(seen).not.toContain(other);
  });

  it('carries names, contacts, language, employer and status; never an assessment, a note or alert consent', async () => {
    const id = await makeMember(ctx.t.db, ctx.w.own.id, {
      workplaceId: ctx.w.own.assigned,
      firstName: 'Ana',
      lastName: 'López',
      email: 'ana@example.org',
      phone: '+13105550101',
      preferredLanguage: 'es',
      alertOptIn: true,
    });
    await ctx.t.db.query(`update member set support_level = 1, tags = '{red-card}' where id = $1`, [id]);
    await makeOneOnOne(ctx.t.db, ctx.w.own.id, id, ctx.w.own.users.STEWARD.id, {
      issues: ['wages'],
      supportLevel: 1,
    });
    const res = await get(`/osdi/v1/people/${id}`, read);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      identifiers: [`juntos:${id}`],
      given_name: 'Ana',
      family_name: 'López',
      preferred_language: 'es',
      employer: 'Own assigned site',
      email_addresses: [{ primary: true, address: 'ana@example.org' }],
      phone_numbers: [{ primary: true, number: '+13105550101', number_type: 'Mobile', sms_capable: true }],
      custom_fields: { juntos_status: expect.any(String), juntos_workplace: 'Own assigned site' },
    });
    const text = JSON.stringify(res.body);
    for (const word of ['support', 'assess', 'alert', 'opt', 'wages', 'notes', 'committee', 'incident'])
      expect(text.toLowerCase()).not.toContain(word);
  });

  it("syncs what changed: filter=modified_date gt '…' gives only the people changed since", async () => {
    const id = await makeMember(ctx.t.db, ctx.w.own.id, { firstName: 'Changed' });
    const since = new Date(Date.now() - 1000);
    await ctx.t.db.query(`update member set updated_at = now() - interval '1 day' where local_id = $1`, [
      ctx.w.own.id,
    ]);
    await ctx.t.db.query(`update member set updated_at = now() where id = $1`, [id]);
    const res = await get(
      `/osdi/v1/people?filter=${encodeURIComponent(`modified_date gt '${since.toISOString()}'`)}`,
      read,
    );
    expect(res.status).toBe(200);
    expect(res.body._embedded['osdi:people'].map((p: { identifiers: string[] }) => p.identifiers[0])).toEqual(
      [`juntos:${id}`],
    );
    expect(res.body._links.self.href).toContain('filter=');
  });

  it.each([
    ['per_page=101', 'per_page'],
    ['per_page=0', 'per_page'],
    ['page=x', 'page'],
    ["filter=given_name eq 'Ana'", 'filter'],
    [`filter=${encodeURIComponent("modified_date gt '-010000-01-01T00:00:00Z'")}`, 'filter'],
    [`filter=${encodeURIComponent("modified_date lt '+010000-01-01T00:00:00Z'")}`, 'filter'],
    [`filter=${encodeURIComponent("modified_date gt '1899-12-31T23:59:59Z'")}`, 'filter'],
  ])('refuses %s with 400', async (q, field) => {
    const res = await get(`/osdi/v1/people?${q}`, read);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.body.message).toContain(field);
  });

  it('answers a value Postgres refuses under a REST endpoint with 400 BAD_USER_INPUT, not a 500', async () => {
    // Real refusals from Postgres: a date it cannot hold (class 22) and a check constraint (23514).
    const ds = ctx.t.app.get(DataSource);
    const refusals = [
      await ds.query(`select '-10000-01-01'::timestamptz`).catch((e: unknown) => e),
      await ds.query(`do $$ begin raise check_violation; end $$`).catch((e: unknown) => e),
    ];
    for (const error of refusals) {
      expect(error).toBeInstanceOf(QueryFailedError);
      const sent: { status?: number; body?: unknown } = {};
      const res = {
        status: (n: number) => ((sent.status = n), res),
        json: (b: unknown) => ((sent.body = b), res),
      };
      const host = {
        getType: () => 'http',
        switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ path: '/osdi/v1/people' }) }),
      };
      new HttpErrorsFilter().catch(error, host as never);
      expect(sent).toEqual({
        status: 400,
        body: { statusCode: 400, code: 'BAD_USER_INPUT', message: expect.stringMatching(/out of range/) },
      });
    }
  });

  it('stops a revoked token at once, and a write-only token may not read', async () => {
    const t = await token(['OSDI_READ']);
    expect((await get('/osdi/v1/people', t.secret)).status).toBe(200);
    await ctx.t.gql(ctx.w.token('LOCAL_ADMIN'), 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', {
      id: t.id,
    });
    expect((await get('/osdi/v1/people', t.secret)).status).toBe(401);
    const writer = await token(['OSDI_WRITE']);
    expect((await get('/osdi/v1/people', writer.secret)).status).toBe(403);
    const other = await token(['OSDI_READ'], ctx.w.other.id, ctx.w.token('LOCAL_ADMIN', 'other'));
    const mine = await makeMember(ctx.t.db, ctx.w.own.id, { firstName: 'Mine' });
    expect((await get(`/osdi/v1/people/${mine}`, other.secret)).status).toBe(404);
  });

  it('audits each call with its token and how many records, never the data', async () => {
    const t = await token(['OSDI_READ']);
    await get('/osdi/v1/people?per_page=5', t.secret);
    const { rows } = await ctx.t.db.query(
      `select action, actor_id, detail from audit_event where target_id = $1 and action like 'osdi.%'`,
      [t.id],
    );
    expect(rows).toEqual([{ action: 'osdi.read.people', actor_id: null, detail: { records: 5 } }]);
  });

  it("audits a known token's refused calls (403, 400, 404) with the status, after rolling back what they wrote", async () => {
    const reader = await token(['OSDI_READ']);
    const writer = await token(['OSDI_WRITE']);
    const post = (path: string, body: object) =>
      ctx.t.http().post(path).set('OSDI-API-Token', writer.secret).send(body);
    expect((await get('/osdi/v1/people', writer.secret)).status).toBe(403);
    expect((await get('/osdi/v1/people/not-an-id', reader.secret)).status).toBe(400);
    expect((await get('/osdi/v1/people/00000000-0000-4000-8000-000000000000', reader.secret)).status).toBe(
      404,
    );
    // The member is written, then the petition's workplace refuses them: both roll back, the refusal stays.
    const plant = await makeWorkplace(ctx.t.db, ctx.w.own.id, { name: 'Refusal plant' });
    const petition = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'OPEN', workplaceId: plant });
    const signer = {
      person: {
        given_name: 'Re',
        family_name: 'Fused',
        email_addresses: [{ address: 'refused@example.org' }],
      },
    };
    const refused = await post(`/osdi/v1/petitions/${petition}/signatures`, signer);
    expect(refused.status).toBe(400);
    expect((await ctx.t.db.query(`select 1 from member where email = 'refused@example.org'`)).rows).toEqual(
      [],
    );
    const audited = async (id: string) =>
      (
        await ctx.t.db.query(
          `select action, local_id, detail from audit_event
            where target_type = 'ApiToken' and target_id = $1 and action like 'osdi.%' order by created_at, action`,
          [id],
        )
      ).rows;
    expect(await audited(reader.id)).toEqual([
      { action: 'osdi.read.person', local_id: ctx.w.own.id, detail: { refused: 400 } },
      { action: 'osdi.read.person', local_id: ctx.w.own.id, detail: { refused: 404 } },
    ]);
    expect(await audited(writer.id)).toEqual([
      { action: 'osdi.read.people', local_id: ctx.w.own.id, detail: { refused: 403 } },
      { action: 'osdi.write.record_signature', local_id: ctx.w.own.id, detail: { refused: 400 } },
    ]);
    // An unknown token names no local: its 401 is not audited (nor could it be placed).
    const before = (
      await ctx.t.db.query(`select count(*)::int as n from audit_event where action like 'osdi.%'`)
    ).rows[0].n;
    expect((await get('/osdi/v1/people', 'juntos_osdi_unknown')).status).toBe(401);
    expect(
      (await ctx.t.db.query(`select count(*)::int as n from audit_event where action like 'osdi.%'`)).rows[0]
        .n,
    ).toBe(before);
  });
});
