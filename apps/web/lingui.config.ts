import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/** Spanish and English, complete, always: `lingui compile --strict` fails on a missing translation. */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['es', 'en'],
  catalogs: [{ path: '<rootDir>/src/locales/{locale}/messages', include: ['<rootDir>/src'] }],
  format: formatter({ lineNumbers: false }),
});
