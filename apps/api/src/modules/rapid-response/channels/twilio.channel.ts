import { AlertChannel, AlertMessage, noAnswer, readBody, retryableStatus, SendOutcome } from './channel';

const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;

/**
 * Sends each message as an SMS through Twilio's Messages API (or any service that speaks it, at
 * TWILIO_API_BASE). A 201 means Twilio queued it, not that the phone received it.
 */
export class TwilioChannel implements AlertChannel {
  readonly name = 'twilio' as const;
  private readonly url: string;
  private readonly authorization: string;

  constructor(
    private readonly options: {
      accountSid: string;
      authToken: string;
      /** An E.164 number, or a Messaging Service SID (MG…), which then picks the sender. */
      from: string;
      apiBase?: string;
      timeoutMs: number;
    },
  ) {
    const base = (options.apiBase || 'https://api.twilio.com').replace(/\/+$/, '');
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  }

  async send(m: AlertMessage): Promise<SendOutcome> {
    const form = new URLSearchParams({ To: m.to });
    // Twilio's own parameter for a Messaging Service, rather than its SID passed as From.
    if (MESSAGING_SERVICE.test(this.options.from)) form.set('MessagingServiceSid', this.options.from);
    else form.set('From', this.options.from);
    form.set('Body', m.text);
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      return noAnswer(e);
    }
    const text = await readBody(res).catch(() => '');
    if (res.status >= 200 && res.status < 300) return { ok: true };
    return { ok: false, retry: retryableStatus(res.status), reason: twilioReason(res.status, text) };
  }
}

/**
 * Twilio's error code (`twilio-21211`), or the status when the answer has none. Never its
 * `message`, which quotes the number ("The 'To' number +1… is not a valid phone number").
 */
function twilioReason(status: number, text: string): string {
  try {
    const { code } = JSON.parse(text) as { code?: unknown };
    if (Number.isInteger(code) && (code as number) > 0) return `twilio-${code as number}`;
  } catch {
    // not JSON: a proxy's page, say
  }
  return `http-${status}`;
}
