import { randomBytes } from 'node:crypto';
import { Receiver, startWebhookReceiver, WebhookDelivery } from '@juntos/testing';

export interface AlertGateway {
  /**
   * ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET, filled in by this helper's beforeAll: pass this
   * very object to useWorld (not a copy), whose beforeAll runs later and reads it then.
   */
  readonly env: Record<string, string>;
  /** The gateway's requests (valid once the hooks have run). */
  readonly receiver: Receiver<WebhookDelivery>;
}

/**
 * Jest hooks: a webhook gateway (a real HTTP server, checking signatures) for rapid-response
 * alerts, so the app under test has a channel and an alert can be approved. Call it before
 * useWorld(gateway.env) in the same describe, so its beforeAll runs first.
 */
export function useAlertGateway(): AlertGateway {
  const env: Record<string, string> = {};
  let receiver: Receiver<WebhookDelivery> | undefined;
  beforeAll(async () => {
    const secret = randomBytes(24).toString('base64url'); // 32 characters
    receiver = await startWebhookReceiver({ secret });
    env.ALERT_WEBHOOK_URL = receiver.url;
    env.ALERT_WEBHOOK_SECRET = secret;
  });
  afterAll(() => receiver?.close());
  return {
    env,
    get receiver() {
      if (!receiver) throw new Error('the alert gateway starts in beforeAll');
      return receiver;
    },
  };
}
