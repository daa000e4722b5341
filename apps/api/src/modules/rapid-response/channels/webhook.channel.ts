import { createHmac } from 'node:crypto';
import { AlertChannel, AlertMessage, noAnswer, readBody, retryableStatus, SendOutcome } from './channel';

/** The X-Juntos-Signature value for `body`: `sha256=` and the lowercase hex HMAC-SHA256 of its bytes. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Posts each message, signed, to a URL the local runs (a Signal gateway, an SMS service of its
 * choosing). The receiver checks the signature over the raw body before trusting any of it.
 */
export class WebhookChannel implements AlertChannel {
  readonly name = 'webhook' as const;

  constructor(private readonly options: { url: string; secret: string; timeoutMs: number }) {}

  async send(m: AlertMessage): Promise<SendOutcome> {
    // Spelled out so the key order, and so the signed bytes, never depend on how `m` was built.
    const body = JSON.stringify({ alertId: m.alertId, to: m.to, language: m.language, text: m.text });
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'X-Juntos-Signature': signBody(this.options.secret, body),
        },
        body,
        // A redirect would re-send the signed message to wherever it points (or drop it as a GET).
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      return noAnswer(e);
    }
    // The status decides; a body that fails to arrive afterwards does not undo a delivery.
    await readBody(res).catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true };
    return { ok: false, retry: retryableStatus(res.status), reason: `http-${res.status}` };
  }
}
