import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Env } from './config/env';

export const JSON_BODY_LIMIT = '2mb';

/** HTTP settings shared by main.ts and the test app builder. */
export function configureApp(app: INestApplication, env: Env): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  express.set('trust proxy', env.TRUST_PROXY);
  express.disable('x-powered-by');
}
