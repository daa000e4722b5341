import { TestApp } from '@juntos/test-support';

describe('HTTP headers and CORS', () => {
  describe('with no CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.create();
    });
    afterAll(() => t.close());

    it('sends helmet headers and no x-powered-by', async () => {
      const res = await t.http().get('/health');
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'referrer-policy': 'no-referrer',
      });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps CORS closed: no browser origin is allowed', async () => {
      const pre = await t
        .http()
        .options('/graphql')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const post = await t
        .http()
        .post('/graphql')
        .set('origin', 'https://evil.example')
        .send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.create({ CORS_ORIGINS: 'https://app.juntos.example, https://admin.juntos.example' });
    });
    afterAll(() => t.close());

    it('allows exactly the listed origins', async () => {
      const ok = await t
        .http()
        .options('/graphql')
        .set('origin', 'https://app.juntos.example')
        .set('access-control-request-method', 'POST');
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.juntos.example');
      const other = await t
        .http()
        .options('/graphql')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
