import { refusingUrl, startWebhookReceiver } from '@juntos/testing';
import { AlertMessage, SendOutcome } from './channel';
import { signBody, WebhookChannel } from './webhook.channel';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const MESSAGE: AlertMessage = {
  alertId: '0b6f1c1e-6a55-4f57-9a4e-4a7f0b1f2c3d',
  to: '+15005550006',
  language: 'es',
  text: 'ICE en la entrada norte de la planta. No abran la puerta; llamen a Rosa: ¡juntos!',
};

/** A failure's reason is a code for logs: never the member's number or the alert's words. */
const expectNoPersonalData = (outcome: SendOutcome) => {
  if (outcome.ok) return;
  expect(outcome.reason).toMatch(/^[a-z0-9_-]+$/i);
  expect(outcome.reason).not.toContain(MESSAGE.to.slice(1));
  expect(outcome.reason).not.toContain('ICE');
};

describe('WebhookChannel', () => {
  const receivers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  const receiver = async (
    respond?: Parameters<typeof startWebhookReceiver>[0]['respond'],
    secret = SECRET,
  ) => {
    const r = await startWebhookReceiver({ secret, respond });
    receivers.push(r);
    return r;
  };

  it('signs like the documented vector: sha256= and the lowercase hex HMAC of the body', () => {
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('posts the exact JSON body, signed over its UTF-8 bytes, and a 2xx is delivered', async () => {
    const r = await receiver();
    const channel = new WebhookChannel({ url: `${r.url}/alerts`, secret: SECRET, timeoutMs: 2000 });
    expect(channel.name).toBe('webhook');
    // Keys in a different order: the body must not depend on it.
    const shuffled = {
      text: MESSAGE.text,
      to: MESSAGE.to,
      language: MESSAGE.language,
      alertId: MESSAGE.alertId,
    };
    expect(await channel.send(shuffled)).toEqual({ ok: true });

    const [got] = await r.waitFor(1, 2000);
    expect(got.raw).toBe(
      `{"alertId":"${MESSAGE.alertId}","to":"+15005550006","language":"es","text":${JSON.stringify(MESSAGE.text)}}`,
    );
    expect(Object.keys(got.body)).toEqual(['alertId', 'to', 'language', 'text']);
    expect(got.body).toEqual(MESSAGE);
    expect(got.validSignature).toBe(true);
    expect(got.signature).toBe(signBody(SECRET, got.raw));
    expect(got.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.status).toBe(200);
  });

  it('reads each answer to the end, so keep-alive connections carry the next messages', async () => {
    const r = await receiver();
    const channel = new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 2000 });
    const numbers = Array.from({ length: 6 }, (_, i) => `+1500555000${i}`);
    for (const to of numbers) expect(await channel.send({ ...MESSAGE, to })).toEqual({ ok: true });
    const got = await r.waitFor(6, 2000);
    expect(got.map((d) => d.body.to)).toEqual(numbers);
    // undici hands a connection back to its pool a tick after the body ends, so a message sent at
    // once may open a second one; after that the two are reused, not one opened per message.
    expect(new Set(got.map((d) => d.connection)).size).toBeLessThanOrEqual(2);
  });

  it('a receiver with another secret refuses the signature: not retried', async () => {
    const r = await receiver(undefined, 'another-secret-that-is-also-32-characters-long');
    const outcome = await new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 2000 }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry: false, reason: 'http-401' });
    expect(r.received[0].validSignature).toBe(false);
  });

  it('a 500 may pass later: retried, and the next attempt is delivered', async () => {
    const r = await receiver((_body, n) => (n === 1 ? 500 : 200));
    const channel = new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 2000 });
    const first = await channel.send(MESSAGE);
    expect(first).toEqual({ ok: false, retry: true, reason: 'http-500' });
    expectNoPersonalData(first);
    expect(await channel.send(MESSAGE)).toEqual({ ok: true });
    expect(r.received.map((d) => d.status)).toEqual([500, 200]);
  });

  it.each([
    [408, true],
    [429, true],
    [503, true],
    [400, false],
    [404, false],
    [410, false],
  ])('an answer %i is retried: %s', async (status, retry) => {
    const r = await receiver(() => status);
    const outcome = await new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 2000 }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry, reason: `http-${status}` });
    expectNoPersonalData(outcome);
  });

  it('does not follow a redirect with the signed message', async () => {
    const r = await receiver(() => 307);
    const outcome = await new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 2000 }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry: false, reason: 'http-307' });
    expect(r.received).toHaveLength(1);
  });

  it('a refused connection is retried', async () => {
    const outcome = await new WebhookChannel({
      url: await refusingUrl(),
      secret: SECRET,
      timeoutMs: 2000,
    }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'network-ECONNREFUSED' });
  });

  it('gives up on a receiver that never answers after the timeout, and retries', async () => {
    const r = await receiver(() => 'hang');
    const started = Date.now();
    const outcome = await new WebhookChannel({ url: r.url, secret: SECRET, timeoutMs: 200 }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.received).toHaveLength(1); // it arrived; the answer did not
  });
});
