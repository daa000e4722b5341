import { startTwilioReceiver, startWebhookReceiver } from '@juntos/testing';
import { validateEnv } from '../../../config/env';
import { channelFromEnv } from './channel';
import { TwilioChannel } from './twilio.channel';
import { WebhookChannel } from './webhook.channel';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const SID = `AC${'7a'.repeat(16)}`;
const TOKEN = 'twilio-auth-token';
const MESSAGE = { alertId: 'a1', to: '+15005550006', language: 'en', text: 'Walkout at noon, front gate.' };

describe('channelFromEnv', () => {
  const receivers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  const webhook = async (respond?: () => 'hang') => {
    const r = await startWebhookReceiver({ secret: SECRET, respond });
    receivers.push(r);
    return r;
  };
  const twilio = async () => {
    const r = await startTwilioReceiver({ accountSid: SID, authToken: TOKEN });
    receivers.push(r);
    return r;
  };

  it('is null with no channel configured: alerts cannot be approved', () => {
    expect(channelFromEnv(validateEnv({}))).toBeNull();
  });

  it('is null with partial Twilio settings (which validateEnv refuses at start)', () => {
    expect(
      channelFromEnv({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, ALERT_SEND_TIMEOUT_MS: 1000 }),
    ).toBeNull();
  });

  it('builds the webhook from ALERT_WEBHOOK_URL and its secret, which delivers signed', async () => {
    const r = await webhook();
    const channel = channelFromEnv(validateEnv({ ALERT_WEBHOOK_URL: r.url, ALERT_WEBHOOK_SECRET: SECRET }));
    expect(channel).toBeInstanceOf(WebhookChannel);
    expect(await channel!.send(MESSAGE)).toEqual({ ok: true });
    expect((await r.waitFor(1, 2000))[0]).toMatchObject({ body: MESSAGE, validSignature: true });
  });

  it('refuses a webhook without its secret rather than send unsigned', () => {
    expect(() =>
      channelFromEnv({ ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/', ALERT_SEND_TIMEOUT_MS: 1000 }),
    ).toThrow('ALERT_WEBHOOK_SECRET is required when ALERT_WEBHOOK_URL is set');
  });

  it('builds Twilio from its three settings, at TWILIO_API_BASE', async () => {
    const r = await twilio();
    const channel = channelFromEnv(
      validateEnv({
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_FROM: '+15005550001',
        TWILIO_API_BASE: r.url,
      }),
    );
    expect(channel).toBeInstanceOf(TwilioChannel);
    expect(await channel!.send(MESSAGE)).toEqual({ ok: true });
    expect(r.received[0].form).toEqual({ To: MESSAGE.to, From: '+15005550001', Body: MESSAGE.text });
  });

  it('prefers the webhook when both are configured', async () => {
    const [w, t] = await Promise.all([webhook(), twilio()]);
    const channel = channelFromEnv(
      validateEnv({
        ALERT_WEBHOOK_URL: w.url,
        ALERT_WEBHOOK_SECRET: SECRET,
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_FROM: '+15005550001',
        TWILIO_API_BASE: t.url,
      }),
    );
    expect(channel!.name).toBe('webhook');
    expect(await channel!.send(MESSAGE)).toEqual({ ok: true });
    expect(w.received).toHaveLength(1);
    expect(t.received).toHaveLength(0);
  });

  it('applies ALERT_SEND_TIMEOUT_MS to each request', async () => {
    const r = await webhook(() => 'hang');
    const channel = channelFromEnv(
      validateEnv({ ALERT_WEBHOOK_URL: r.url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_SEND_TIMEOUT_MS: '150' }),
    );
    const started = Date.now();
    expect(await channel!.send(MESSAGE)).toEqual({ ok: false, retry: true, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
