import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, useAlertGateway, useWorld, Viewer, VIEWERS } from '@juntos/test-support';
import { MATRIX, Outcome, Where } from './matrix';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const rootOperations = [
  ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
  ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
];

const auditCount = async (t: TestApp): Promise<number> =>
  (await t.db.query('select count(*)::int as n from audit_event')).rows[0].n;

describe('permission matrix', () => {
  it('has a row for every root operation of the emitted schema', () => {
    const missing = rootOperations.filter((op) => !MATRIX[op]);
    expect(missing).toEqual([]);
    const stale = Object.keys(MATRIX).filter((op) => !rootOperations.includes(op));
    expect(stale).toEqual([]);
  });

  // A channel for text messages, so approveAlert's allowed cells are approvals, not BAD_USER_INPUT.
  const gateway = useAlertGateway();
  const ctx = useWorld(gateway.env);

  const cases: [string, Viewer, Where][] = [];
  for (const op of Object.keys(MATRIX))
    for (const viewer of VIEWERS)
      for (const where of ['own', 'other'] as Where[]) cases.push([op, viewer, where]);

  it.each(cases)('%s as %s in the %s local', async (op, viewer, where) => {
    const { t, w } = ctx;
    const row = MATRIX[op];
    const expected: Outcome = viewer === 'anonymous' ? 'UNAUTHENTICATED' : row.expect[viewer][where];
    const { query, variables } = await row.call(t, w, where, viewer);
    const auditBefore = await auditCount(t);
    const res = await t.gql(w.token(viewer), query, variables);
    const field = op.split('.')[1];
    expect(res.status).toBe(200);

    if (expected === 'ok') {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[field]).not.toBeNull();
      row.check?.(res.data, w, viewer);
      // Every mutation leaves one audit event in the same transaction as its change.
      if (op.startsWith('Mutation.')) expect(await auditCount(t)).toBe(auditBefore + 1);
    } else if (expected === 'null') {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[field]).toBeNull();
    } else {
      expect(res.errors?.map((e) => e.extensions.code)).toEqual([expected]);
      // A refusal leaks nothing: no data for the field, and a fixed message.
      expect(res.data?.[field] ?? null).toBeNull();
      // ...and writes nothing.
      expect(await auditCount(t)).toBe(auditBefore);
    }
  });

  it('lets the platform admin create a local, and nothing more inside it', async () => {
    const { t, w } = ctx;
    const res = await t.gql<{ createLocal: { id: string } }>(
      w.platformAdmin.token,
      'mutation { createLocal(input: { name: "Platform made", kind: TENANT_UNION }) { id } }',
    );
    expect(res.errors).toBeUndefined();
    const audit = await t.gql(
      w.platformAdmin.token,
      'query($l: ID!) { auditEvents(localId: $l) { totalCount } }',
      { l: res.data!.createLocal.id },
    );
    expect(audit.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const locals = await t.gql<{ locals: { id: string }[] }>(w.platformAdmin.token, '{ locals { id } }');
    expect(locals.data!.locals.map((l) => l.id)).toEqual(
      expect.arrayContaining([w.own.id, w.other.id, res.data!.createLocal.id]),
    );
  });

  it('gives a signed-in user with no role nothing but themself', async () => {
    const { t, w } = ctx;
    expect((await t.gql(w.nobody.token, '{ locals { id } }')).data).toEqual({ locals: [] });
    expect(
      (await t.gql(w.nobody.token, 'query($id: ID!) { local(id: $id) { id } }', { id: w.own.id })).data,
    ).toEqual({ local: null });
    const audit = await t.gql(w.nobody.token, 'query($l: ID!) { auditEvents(localId: $l) { totalCount } }', {
      l: w.own.id,
    });
    expect(audit.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
