import { TestApp, withAdmin } from '@juntos/test-support';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('answers 200 when the database answers', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 while the database refuses connections, and 200 once it is back', async () => {
    const dbName = new URL(t.env.DATABASE_URL!).pathname.slice(1);
    await withAdmin(async (c) => {
      await c.query(`alter database "${dbName}" allow_connections false`);
      await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [dbName]);
    });
    try {
      const down = await t.http().get('/health');
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('error');
    } finally {
      await withAdmin((c) => c.query(`alter database "${dbName}" allow_connections true`));
    }
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) status = (await t.http().get('/health')).status;
    expect(status).toBe(200);
  });
});
