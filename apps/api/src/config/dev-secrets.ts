import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  NOTES_ENCRYPTION_KEY: string;
  EMBEDDED_PG_PASSWORD: string;
  EMBEDDED_APP_PASSWORD: string;
}

const generators: { [K in keyof DevSecrets]: () => string } = {
  JWT_SECRET: () => randomBytes(48).toString('base64url'),
  NOTES_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  EMBEDDED_PG_PASSWORD: () => randomBytes(24).toString('base64url'),
  EMBEDDED_APP_PASSWORD: () => randomBytes(24).toString('base64url'),
};

/**
 * Development only: secrets that were not given are generated once and kept in DATA_DIR, so a
 * restart keeps sessions valid and encrypted notes readable.
 */
export function loadDevSecrets(dataDir: string): DevSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const key of Object.keys(generators) as (keyof DevSecrets)[]) {
    if (!stored[key]) {
      stored[key] = generators[key]();
      changed = true;
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return stored as DevSecrets;
}
