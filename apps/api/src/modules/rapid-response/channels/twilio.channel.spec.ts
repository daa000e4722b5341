import { refusingUrl, startTwilioReceiver } from '@juntos/testing';
import { AlertMessage, SendOutcome } from './channel';
import { TwilioChannel } from './twilio.channel';

const SID = `AC${'5e'.repeat(16)}`;
const TOKEN = 'b3f1c0ffee0ddba11ca5cade5eed1e55';
const FROM = '+15005550006';
const MESSAGE: AlertMessage = {
  alertId: '6c1e9b8a-7d0f-4c52-8f11-0d2e3a4b5c6d',
  to: '+14155552671',
  language: 'vi',
  text: 'Cảnh báo: có người của ICE ở cổng sau. Đừng mở cửa.',
};

const expectNoPersonalData = (outcome: SendOutcome, to = MESSAGE.to) => {
  if (outcome.ok) return;
  expect(outcome.reason).toMatch(/^[a-z0-9_-]+$/i);
  expect(outcome.reason).not.toContain(to.replace(/^\+/, ''));
  expect(outcome.reason).not.toContain('ICE');
};

describe('TwilioChannel', () => {
  const receivers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  const receiver = async (respond?: Parameters<typeof startTwilioReceiver>[0]['respond']) => {
    const r = await startTwilioReceiver({ accountSid: SID, authToken: TOKEN, respond });
    receivers.push(r);
    return r;
  };
  const channel = (
    apiBase: string,
    overrides: Partial<ConstructorParameters<typeof TwilioChannel>[0]> = {},
  ) =>
    new TwilioChannel({
      accountSid: SID,
      authToken: TOKEN,
      from: FROM,
      apiBase,
      timeoutMs: 2000,
      ...overrides,
    });

  it("posts To, From and Body as a form to the account's Messages.json with Basic auth; 201 is delivered", async () => {
    const r = await receiver();
    const c = channel(r.url);
    expect(c.name).toBe('twilio');
    expect(await c.send(MESSAGE)).toEqual({ ok: true });

    const [got] = await r.waitFor(1, 2000);
    expect(got.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(got.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(got.validAuth).toBe(true);
    expect(got.form).toEqual({ To: MESSAGE.to, From: FROM, Body: MESSAGE.text });
    expect(got.status).toBe(201);
    expect(got.sid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('takes a base with a trailing slash, and reuses keep-alive connections', async () => {
    const r = await receiver();
    const c = channel(`${r.url}/`);
    const numbers = Array.from({ length: 6 }, (_, i) => `+1415555000${i}`);
    for (const to of numbers) expect(await c.send({ ...MESSAGE, to })).toEqual({ ok: true });
    const got = await r.waitFor(6, 2000);
    expect(got.map((g) => g.form.To)).toEqual(numbers);
    expect(new Set(got.map((g) => g.connection)).size).toBeLessThanOrEqual(2);
  });

  it('sends a Messaging Service as MessagingServiceSid, which picks the sender', async () => {
    const r = await receiver();
    const service = `MG${'0c'.repeat(16)}`;
    expect(await channel(r.url, { from: service }).send(MESSAGE)).toEqual({ ok: true });
    expect(r.received[0].form).toEqual({ To: MESSAGE.to, MessagingServiceSid: service, Body: MESSAGE.text });
  });

  it("an invalid 'To' (21211) is not retried, and the reason is Twilio's code, not its message", async () => {
    const r = await receiver();
    const to = '4155552671'; // no +: not E.164
    const outcome = await channel(r.url).send({ ...MESSAGE, to });
    expect(outcome).toEqual({ ok: false, retry: false, reason: 'twilio-21211' });
    expectNoPersonalData(outcome, to);
    expect(r.received[0].status).toBe(400);
  });

  it('wrong credentials (20003) are not retried', async () => {
    const r = await receiver();
    const outcome = await channel(r.url, { authToken: 'not-the-token' }).send(MESSAGE);
    expect(outcome).toEqual({ ok: false, retry: false, reason: 'twilio-20003' });
    expect(r.received[0].validAuth).toBe(false);
  });

  it('429 and 5xx are retried; the next attempt is delivered', async () => {
    const r = await receiver((_form, n) => (n === 1 ? 429 : n === 2 ? 503 : undefined));
    const c = channel(r.url);
    const limited = await c.send(MESSAGE);
    expect(limited).toEqual({ ok: false, retry: true, reason: 'twilio-20429' });
    const unavailable = await c.send(MESSAGE);
    expect(unavailable).toEqual({ ok: false, retry: true, reason: 'twilio-20503' });
    [limited, unavailable].forEach((o) => expectNoPersonalData(o));
    expect(await c.send(MESSAGE)).toEqual({ ok: true });
    expect(r.received.map((g) => g.status)).toEqual([429, 503, 201]);
  });

  it('an answer that is not Twilio JSON is reported by its status', async () => {
    // A proxy in front of the receiver: its own page, no Twilio code.
    const { createServer } = await import('node:http');
    const proxy = createServer((_req, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'),
    );
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    receivers.push({ close: () => new Promise((resolve) => proxy.close(() => resolve())) });
    const { port } = proxy.address() as { port: number };
    expect(await channel(`http://127.0.0.1:${port}`).send(MESSAGE)).toEqual({
      ok: false,
      retry: true,
      reason: 'http-502',
    });
  });

  it("the receiver answers in Twilio's shapes (what the channel's parsing relies on)", async () => {
    const r = await receiver();
    const post = (form: Record<string, string>) =>
      fetch(`${r.url}/2010-04-01/Accounts/${SID}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form).toString(),
      });
    const created = await post({ To: MESSAGE.to, From: FROM, Body: 'hola' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: SID,
      to: MESSAGE.to,
      from: FROM,
      body: 'hola',
      status: 'queued',
      date_created: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
    });
    const refused = await post({ To: 'not-a-number', From: FROM, Body: 'hola' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      code: 21211,
      message: "Invalid 'To' Phone Number: not-a-number",
      more_info: 'https://www.twilio.com/docs/errors/21211',
      status: 400,
    });
  });

  it('a refused connection is retried', async () => {
    expect(await channel(await refusingUrl()).send(MESSAGE)).toEqual({
      ok: false,
      retry: true,
      reason: 'network-ECONNREFUSED',
    });
  });

  it('gives up on a receiver that never answers after the timeout, and retries', async () => {
    const r = await receiver(() => 'hang');
    const started = Date.now();
    expect(await channel(r.url, { timeoutMs: 200 }).send(MESSAGE)).toEqual({
      ok: false,
      retry: true,
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.received).toHaveLength(1);
  });
});
