import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * Real HTTP servers on 127.0.0.1 for the alert channels' tests and the benchmark: what a channel
 * sends crosses a socket and is checked by code of the receiver's own, as a gateway would check it.
 */

/** What a test's `respond` may answer: a status, or 'hang' to hold the request open until close(). */
export type ReceiverAnswer = number | 'hang' | undefined;

export interface WebhookDelivery {
  /** The parsed JSON body (undefined when it is not JSON). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: string;
  signature: string | undefined;
  validSignature: boolean;
  headers: IncomingHttpHeaders;
  /** Which TCP connection carried it, counted from 1: equal numbers mean a reused keep-alive connection. */
  connection: number;
  /** The status answered (undefined while hanging). */
  status?: number;
  at: number;
}

export interface TwilioRequest {
  path: string;
  authorization: string | undefined;
  validAuth: boolean;
  /** The form fields: To, From or MessagingServiceSid, Body. */
  form: Record<string, string>;
  raw: string;
  connection: number;
  status?: number;
  /** The SID of the message resource answered with a 201. */
  sid?: string;
  at: number;
}

export interface Receiver<T> {
  url: string;
  received: T[];
  /** Resolves with `received` once it holds `count` requests; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A webhook gateway: checks X-Juntos-Signature (sha256=<hex HMAC-SHA256 of the raw body>) and
 * answers 401 when it is wrong, else `respond(body, n)` (n counts requests from 1; default 200).
 */
export async function startWebhookReceiver(options: {
  secret: string;
  respond?: (body: any, n: number) => ReceiverAnswer; // eslint-disable-line @typescript-eslint/no-explicit-any
}): Promise<Receiver<WebhookDelivery>> {
  return listen<WebhookDelivery>(async (req, res, connection, record) => {
    const raw = await readAll(req);
    const header = req.headers['x-juntos-signature'];
    const signature = Array.isArray(header) ? header[0] : header;
    const delivery: WebhookDelivery = {
      body: parseJson(raw),
      raw,
      signature,
      validSignature: signatureMatches(options.secret, raw, signature),
      headers: req.headers,
      connection,
      at: Date.now(),
    };
    const n = record(delivery);
    let status: ReceiverAnswer;
    if (req.method !== 'POST') status = 405;
    else if (!delivery.validSignature) status = 401;
    else status = options.respond?.(delivery.body, n) ?? 200;
    if (status === 'hang') return;
    delivery.status = status;
    answer(res, status, status < 300 ? { ok: true } : { error: `status ${status}` });
  });
}

function signatureMatches(secret: string, raw: string, signature: string | undefined): boolean {
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(Buffer.from(raw, 'utf8')).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/**
 * A stand-in for Twilio's Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json, Basic auth
 * sid:token, a form body) with its error answers: 404 (20404) for another path, 401 (20003) for
 * wrong credentials, 400 21211 for a To that is not E.164, 21602 without a Body, 21603 without a
 * sender. Otherwise `respond(form, n)` may force a status (429, 500…); by default 201 and a queued
 * message resource.
 */
export async function startTwilioReceiver(options: {
  accountSid: string;
  authToken: string;
  respond?: (form: Record<string, string>, n: number) => ReceiverAnswer;
}): Promise<Receiver<TwilioRequest>> {
  const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const expectedAuth = Buffer.from(
    `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`,
  );
  return listen<TwilioRequest>(async (req, res, connection, record) => {
    const raw = await readAll(req);
    const authorization = req.headers.authorization;
    const given = Buffer.from(authorization ?? '');
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(raw))
      : {};
    const request: TwilioRequest = {
      path: req.url ?? '',
      authorization,
      validAuth: given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth),
      form,
      raw,
      connection,
      at: Date.now(),
    };
    const n = record(request);
    const fail = (status: number, code: number, message: string) => {
      request.status = status;
      answer(res, status, {
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      });
    };
    if (req.method !== 'POST' || request.path !== path)
      return fail(404, 20404, `The requested resource ${request.path} was not found`);
    if (!request.validAuth) return fail(401, 20003, 'Authenticate');
    // Twilio's real message quotes the number, as here: the channel must keep it out of its reason.
    if (!/^\+[1-9]\d{1,14}$/.test(form.To ?? ''))
      return fail(400, 21211, `Invalid 'To' Phone Number: ${form.To ?? ''}`);
    if (!form.Body) return fail(400, 21602, 'Message body is required.');
    if (!form.From && !form.MessagingServiceSid)
      return fail(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    const forced = options.respond?.(form, n);
    if (forced === 'hang') return;
    if (forced === 429) return fail(429, 20429, 'Too Many Requests');
    if (forced !== undefined && (forced < 200 || forced >= 300))
      return fail(forced, 20000 + forced, 'Forced by the test');
    request.sid = `SM${randomBytes(16).toString('hex')}`;
    request.status = forced ?? 201;
    const now = new Date().toUTCString().replace('GMT', '+0000');
    answer(res, request.status, {
      sid: request.sid,
      account_sid: options.accountSid,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      to: form.To,
      from: form.From ?? null,
      body: form.Body,
      status: form.MessagingServiceSid ? 'accepted' : 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      num_segments: '1',
      num_media: '0',
      price: null,
      price_unit: 'USD',
      error_code: null,
      error_message: null,
      date_created: now,
      date_updated: now,
      date_sent: null,
      uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${request.sid}.json`,
      subresource_uris: {
        media: `/2010-04-01/Accounts/${options.accountSid}/Messages/${request.sid}/Media.json`,
      },
    });
  });
}

type Handler<T> = (
  req: IncomingMessage,
  res: ServerResponse,
  connection: number,
  record: (entry: T) => number,
) => Promise<void>;

async function listen<T>(handle: Handler<T>): Promise<Receiver<T>> {
  const received: T[] = [];
  const waiters = new Set<() => void>();
  const connections = new WeakMap<Socket, number>();
  let opened = 0;
  const server: Server = createServer((req, res) => {
    const record = (entry: T) => {
      received.push(entry);
      for (const wake of waiters) wake();
      return received.length;
    };
    handle(req, res, connections.get(req.socket) ?? 0, record).catch((e: unknown) => {
      if (!res.headersSent) answer(res, 500, { error: String(e) });
    });
  });
  server.on('connection', (socket) => connections.set(socket, ++opened));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          done();
          resolve(received);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`expected ${count} requests within ${timeoutMs} ms, received ${received.length}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      // Hanging requests and idle keep-alive connections would otherwise hold close() open.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A loopback URL where nothing listens (a port just released), for "connection refused" tests. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
