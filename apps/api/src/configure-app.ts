import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Env } from './config/env';
import { webApp } from './web-app';

export const JSON_BODY_LIMIT = '2mb';

/** HTTP settings shared by main.ts and the test app builder. */
export function configureApp(app: INestApplication, env: Env): void {
  const express = app as NestExpressApplication;
  // OSDI clients may send their documents as application/hal+json.
  express.useBodyParser('json', {
    limit: JSON_BODY_LIMIT,
    type: ['application/json', 'application/hal+json'],
  });
  // A body that is not JSON is the caller's mistake: say so plainly, not in the parser's words.
  express.use(
    (
      error: { type?: string },
      _req: unknown,
      res: { status(code: number): { json(body: object): void } },
      next: (e?: unknown) => void,
    ) => {
      if (error?.type !== 'entity.parse.failed') return next(error);
      res
        .status(400)
        .json({ statusCode: 400, code: 'BAD_USER_INPUT', message: 'The body is not valid JSON.' });
    },
  );
  express.set('trust proxy', env.TRUST_PROXY);
  express.disable('x-powered-by');
  // An API serves no pages: helmet's defaults forbid framing, sniffing and referrers.
  express.use(helmet());
  // Answers hold personal data: no browser, proxy or phone keeps a copy of any of them.
  express.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Closed unless CORS_ORIGINS names the browser origins that may call the API.
  const origins = env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  // The web app, when built, on the same origin and port as the API.
  for (const handler of webApp(env.WEB_DIR, { idleLockMinutes: env.IDLE_LOCK_MINUTES }) ?? [])
    express.use(handler);
  express.enableCors({ origin: origins.length ? origins : false, credentials: false, maxAge: 600 });
}
