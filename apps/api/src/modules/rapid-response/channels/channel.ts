import type { Env } from '../../../config/env';
import { TwilioChannel } from './twilio.channel';
import { WebhookChannel } from './webhook.channel';

/** One text to one recipient. `to` is E.164; `language` a BCP-47 tag (the member's preferred language, 'en' when unknown). */
export interface AlertMessage {
  alertId: string;
  to: string;
  language: string;
  text: string;
}

/**
 * delivered; or failed, with `retry` saying whether another attempt might succeed (network error,
 * timeout, 408, 429, 5xx) or not (other 4xx). `reason` is a short code for logs, never the number
 * or the text.
 */
export type SendOutcome = { ok: true } | { ok: false; retry: boolean; reason: string };

export interface AlertChannel {
  readonly name: 'webhook' | 'twilio';
  send(m: AlertMessage): Promise<SendOutcome>;
}

export type ChannelSettings = Pick<
  Env,
  | 'ALERT_WEBHOOK_URL'
  | 'ALERT_WEBHOOK_SECRET'
  | 'TWILIO_ACCOUNT_SID'
  | 'TWILIO_AUTH_TOKEN'
  | 'TWILIO_FROM'
  | 'TWILIO_API_BASE'
  | 'ALERT_SEND_TIMEOUT_MS'
>;

/**
 * The configured channel: the webhook when ALERT_WEBHOOK_URL is set, else Twilio when its three
 * settings are, else null (and no alert can be approved). With both configured the webhook wins:
 * it is the one a local points at its own gateway, so setting it is the more deliberate choice.
 */
export function channelFromEnv(env: ChannelSettings): AlertChannel | null {
  if (env.ALERT_WEBHOOK_URL) {
    // validateEnv refuses this at start; an unsigned webhook would let anyone forge alerts.
    if (!env.ALERT_WEBHOOK_SECRET)
      throw new Error('ALERT_WEBHOOK_SECRET is required when ALERT_WEBHOOK_URL is set');
    return new WebhookChannel({
      url: env.ALERT_WEBHOOK_URL,
      secret: env.ALERT_WEBHOOK_SECRET,
      timeoutMs: env.ALERT_SEND_TIMEOUT_MS,
    });
  }
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM) {
    return new TwilioChannel({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      from: env.TWILIO_FROM,
      apiBase: env.TWILIO_API_BASE,
      timeoutMs: env.ALERT_SEND_TIMEOUT_MS,
    });
  }
  return null;
}

// Shared by the adapters. They import these at call time only, so the import cycle with
// channelFromEnv above is harmless.

/** Whether an HTTP failure status may pass on a later attempt: the server's trouble, not the request's. */
export const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * The outcome of a request that got no answer. Only the error's name or system code goes into the
 * reason: undici's messages can carry the URL, and nothing from the message may reach the logs.
 */
export function noAnswer(error: unknown): SendOutcome {
  const e = error as { name?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return { ok: false, retry: true, reason: 'timeout' };
  const code = e?.cause?.code;
  const safe = typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code);
  return { ok: false, retry: true, reason: safe ? `network-${code}` : 'network' };
}

/**
 * Reads an answer's body up to `limit` bytes. Reading it to the end hands the keep-alive connection
 * back to the pool; a body larger than that is cancelled (the connection is lost, the memory kept).
 */
export async function readBody(res: Response, limit = 64 * 1024): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) break; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
