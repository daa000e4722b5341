import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the API answers itself: the web app never shadows them. */
const API_PATHS = /^\/(graphql|auth|health|osdi)(\/|$)/;
const NONCE_MARK = /__CSP_NONCE__/g;
const IDLE_MARK = /__IDLE_LOCK_MINUTES__/g;

/** What the page learns from the API's settings when it is served. */
export interface WebAppSettings {
  idleLockMinutes: number;
}

/**
 * The web app's policy: scripts and styles from this origin only, no inline script at all, and
 * inline styles only with this response's nonce (for a library that injects a <style>, which
 * reads it from <meta property="csp-nonce">).
 */
export function webAppPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built web app (`npm run build`: dist/web) at `/`: its hashed assets as files, and
 * index.html, with a fresh nonce, for every other GET that asks for a page, so a deep link
 * (/members/<id>) loads the app. Nothing when the app is not built (the API alone).
 */
export function webApp(
  dir: string,
  settings: WebAppSettings,
): ((req: Request, res: Response, next: NextFunction) => void)[] | null {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return null;
  const template = readFileSync(indexFile, 'utf8').replace(IDLE_MARK, String(settings.idleLockMinutes));
  const assets = express.static(root, { index: false, fallthrough: true, immutable: true, maxAge: '365d' });
  const page = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html'))
      return next();
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', webAppPolicy(nonce));
    res.type('html').send(template.replace(NONCE_MARK, nonce));
  };
  // Hashed assets hold no personal data and never change: they may be cached.
  // A missing asset is a 404, never the page.
  const files = (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/assets/')) return next();
    res.removeHeader('Cache-Control');
    assets(req, res, () => res.status(404).setHeader('Cache-Control', 'no-store').end());
  };
  return [files, page];
}
