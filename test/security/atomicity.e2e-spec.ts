import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';
import { TransactionHost } from '@juntos/db';
import {
  changedTables,
  makeLocal,
  ROLE_VIEWERS,
  snapshotTables,
  TestApp,
  useAlertGateway,
  useWorld,
  Viewer,
  World,
} from '@juntos/test-support';
import { Call, MATRIX } from '../permissions/matrix';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();

/**
 * A second field that passes validation and fails while executing, writing nothing itself:
 * closePetition to OPEN is BAD_USER_INPUT, or FORBIDDEN for a viewer who may not close petitions.
 */
const FAILING = {
  query: 'mutation($b_id: ID!) { b: closePetition(id: $b_id, status: OPEN) { id } }',
  variables: () => ({ b_id: randomUUID() }),
};

/**
 * `mutation { a: <call> b: <FAILING> }`: the call's root field aliased `a`, its variables
 * renamed `a_…` so they cannot meet the second field's.
 */
function withFailingSecond(call: Call): Call {
  const doc = visit(parse(call.query), {
    Variable: (node) => ({ ...node, name: { ...node.name, value: `a_${node.name.value}` } }),
  });
  const [op, ...rest] = doc.definitions;
  const failing = parse(FAILING.query).definitions[0] as OperationDefinitionNode;
  if (
    op.kind !== Kind.OPERATION_DEFINITION ||
    op.operation !== 'mutation' ||
    op.selectionSet.selections.length !== 1
  )
    throw new Error(`not a one-field mutation: ${call.query}`);
  const [field] = op.selectionSet.selections;
  if (field.kind !== Kind.FIELD) throw new Error(`not a field: ${call.query}`);
  const combined: OperationDefinitionNode = {
    ...op,
    name: undefined,
    variableDefinitions: [...(op.variableDefinitions ?? []), ...(failing.variableDefinitions ?? [])],
    selectionSet: {
      ...op.selectionSet,
      selections: [{ ...field, alias: { kind: Kind.NAME, value: 'a' } }, ...failing.selectionSet.selections],
    },
  };
  const variables = Object.fromEntries(Object.entries(call.variables ?? {}).map(([k, v]) => [`a_${k}`, v]));
  return {
    query: print({ ...doc, definitions: [combined, ...rest] }),
    variables: { ...variables, ...FAILING.variables() },
  };
}

/** Who may make the matrix's call: the first role allowed in its own local, else the platform admin. */
function allowedCaller(w: World, op: string): { token: string; viewer: Viewer } {
  const row = MATRIX[op];
  const role = ROLE_VIEWERS.find((r) => row.expect[r].own === 'ok');
  if (role) return { token: w.own.users[role].token, viewer: role };
  return { token: w.platformAdmin.token, viewer: 'anonymous' };
}

describe('atomicity: a failed operation keeps nothing', () => {
  // A channel for text messages, so that approveAlert's allowed call approves.
  const gateway = useAlertGateway();
  const ctx = useWorld(gateway.env);

  it('has a permission-matrix row, with an allowed call, for every mutation of the emitted schema', () => {
    expect(mutations.filter((m) => !MATRIX[`Mutation.${m}`])).toEqual([]);
  });

  // One case per mutation of the emitted schema: a new mutation is covered without editing this file.
  it.each(mutations)('a: %s, then b fails: nothing of a is kept', async (name) => {
    const { t, w } = ctx;
    const op = `Mutation.${name}`;
    if (!MATRIX[op]) throw new Error(`${op} has no row in test/permissions/rows/<module>.ts`);
    const { token, viewer } = allowedCaller(w, op);
    const call = await MATRIX[op].call(t, w, 'own', viewer);

    // A token made by the call's setup writes its session row in the background: let it land
    // first, or the snapshot below catches it mid-way (acceptInvitation's invitee does this).
    await t.sessionsWritten();
    const before = await snapshotTables(t.db);
    const failed = await t.gql(token, ...spread(withFailingSecond(call)));
    expect(failed.status).toBe(200);
    expect(failed.data ?? null).toBeNull();
    expect(failed.errors?.map((e) => e.path?.[0])).toEqual(['b']);
    expect(['BAD_USER_INPUT', 'FORBIDDEN']).toContain(failed.errors?.[0].extensions.code);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);

    // The same call alone does write (at least its audit event): the check above is not vacuous.
    const alone = await t.gql(token, call.query, call.variables);
    expect(alone.errors).toBeUndefined();
    expect(changedTables(before, await snapshotTables(t.db))).toContain('audit_event');
  });

  describe('named system paths inside a request run in the request transaction', () => {
    const localsNamed = async (t: TestApp, name: string): Promise<number> =>
      (await t.db.query('select count(*)::int as n from local where name = $1', [name])).rows[0].n;

    it('createLocal, then a failing field: the local does not exist afterwards', async () => {
      const { t, w } = ctx;
      const name = `Rolled back ${randomUUID()}`;
      const before = await snapshotTables(t.db);
      const res = await t.gql(
        w.platformAdmin.token,
        `mutation($name: String!, $b_id: ID!) {
           a: createLocal(input: { name: $name, kind: TENANT_UNION }) { id }
           b: closePetition(id: $b_id, status: OPEN) { id }
         }`,
        { name, b_id: randomUUID() },
      );
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.map((e) => e.path?.[0])).toEqual(['b']);
      expect(await localsNamed(t, name)).toBe(0);
      expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
    });

    it("the platform admin's invitation of a first LOCAL_ADMIN, then a failing field: no invitation, no audit event", async () => {
      const { t, w } = ctx;
      const local = await makeLocal(t.db);
      const before = await snapshotTables(t.db);
      const res = await t.gql(
        w.platformAdmin.token,
        `mutation($l: ID!, $b_id: ID!) {
           a: createInvitation(input: { localId: $l, email: "first.admin@example.org", role: LOCAL_ADMIN }) { id }
           b: closePetition(id: $b_id, status: OPEN) { id }
         }`,
        { l: local, b_id: randomUUID() },
      );
      expect(res.errors?.map((e) => e.path?.[0])).toEqual(['b']);
      expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
    });

    it('both system paths and a local write in one operation commit together, each audited where it belongs', async () => {
      const { t, w } = ctx;
      const name = `Kept ${randomUUID()}`;
      const local = await makeLocal(t.db);
      const auditOf = async (l: string) =>
        (
          await t.db.query('select action from audit_event where local_id = $1 order by created_at', [l])
        ).rows.map((r: { action: string }) => r.action);
      const res = await t.gql<{ a: { id: string }; b: { id: string } }>(
        w.platformAdmin.token,
        `mutation($name: String!, $l: ID!) {
           a: createLocal(input: { name: $name, kind: UNION_LOCAL }) { id }
           b: createInvitation(input: { localId: $l, email: "seat.me@example.org", role: LOCAL_ADMIN }) { id }
         }`,
        { name, l: local },
      );
      expect(res.errors).toBeUndefined();
      expect(await localsNamed(t, name)).toBe(1);
      expect(await auditOf(res.data!.a.id)).toEqual(['local.create']);
      expect(await auditOf(local)).toEqual(['invitation.create']);
    });

    it('a system path that fails undoes its own work only; the request carries on with its own allowance', async () => {
      const { t } = ctx;
      const tx = t.app.get(TransactionHost, { strict: false });
      const names = {
        request: `Request ${randomUUID()}`,
        failed: `Failed ${randomUUID()}`,
        kept: `Kept ${randomUUID()}`,
      };
      const settings = async () =>
        (
          await (
            await tx.manager()
          ).query(
            `select current_setting('app.system_purpose', true) as purpose, current_setting('app.local_ids', true) as locals`,
          )
        )[0] as { purpose: string | null; locals: string | null };
      const insertLocal = async (name: string) =>
        (
          await (
            await tx.manager()
          ).query(`insert into local (name, kind) values ($1, 'UNION_LOCAL') returning id`, [name])
        )[0].id as string;

      const seen = await tx.runRequest(async () => {
        try {
          await insertLocal(names.request);
          const outside = await settings();
          await expect(
            tx.system('platform:create-local', async () => {
              await insertLocal(names.failed);
              throw new Error('the path fails after writing');
            }),
          ).rejects.toThrow('the path fails after writing');
          const inside = await tx.system('platform:create-local', async () => {
            const id = await insertLocal(names.kept);
            await tx.scopeSystem({ localIds: [id] });
            return settings();
          });
          const after = await settings();
          await tx.finish(true);
          return { outside, inside, after };
        } finally {
          await tx.finish(false);
        }
      });
      // The raised allowance held only inside the path.
      expect(seen.inside.purpose).toBe('platform:create-local');
      expect(seen.inside.locals).toMatch(/^\{[0-9a-f-]{36}\}$/);
      expect(seen.after).toEqual(seen.outside);
      expect(seen.after.purpose || '').toBe('');
      for (const [name, n] of [
        [names.request, 1],
        [names.failed, 0],
        [names.kept, 1],
      ] as const)
        expect(await localsNamed(t, name)).toBe(n);
    });

    it("a sibling's statement waits for a system path to end, and never runs with its allowance", async () => {
      const { t } = ctx;
      const tx = t.app.get(TransactionHost, { strict: false });
      const order: string[] = [];
      const purposeSeen = await tx.runRequest(async () => {
        try {
          const em = await tx.manager();
          await em.query('select 1');
          let entered!: () => void;
          const inPath = new Promise<void>((r) => (entered = r));
          const path = tx.system('platform:create-local', async () => {
            entered();
            await (await tx.manager()).query('select pg_sleep(0.3)');
            order.push('path');
          });
          await inPath;
          const sibling = em
            .query(`select current_setting('app.system_purpose', true) as purpose`)
            .then((rows: { purpose: string | null }[]) => {
              order.push('sibling');
              return rows[0].purpose;
            });
          await path;
          return await sibling;
        } finally {
          await tx.finish(false);
        }
      });
      expect(order).toEqual(['path', 'sibling']);
      expect(purposeSeen || '').toBe('');
    });

    it('outside a request, a system path still commits on its own', async () => {
      const { t } = ctx;
      const tx = t.app.get(TransactionHost, { strict: false });
      const name = `Own transaction ${randomUUID()}`;
      await tx.system('platform:create-local', async () =>
        (await tx.manager()).query(`insert into local (name, kind) values ($1, 'UNION_LOCAL')`, [name]),
      );
      expect(await localsNamed(t, name)).toBe(1);
    });
  });
});

function spread(call: Call): [string, Record<string, unknown> | undefined] {
  return [call.query, call.variables];
}
