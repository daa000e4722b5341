import { CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/** E.164 for a phone number as people type it, read in `region` unless it starts with +; null if impossible. */
export function toE164(raw: string, region: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, isSupportedCountry(region) ? (region as CountryCode) : 'US');
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** The canonical form of a BCP-47 tag (`zh-hant` → `zh-Hant`), or null when it is not one. */
export function canonicalLanguage(raw: string): string | null {
  try {
    const [tag] = Intl.getCanonicalLocales(raw);
    return tag ?? null;
  } catch {
    return null;
  }
}

/** Tags are lowercase, trimmed, without blanks or repeats. */
export function normalizeTags(tags: readonly unknown[]): unknown[] {
  // A Set keeps the first of each in order, as `includes` did, in linear time for a long list.
  const out = new Set<unknown>();
  for (const t of tags) {
    const v = typeof t === 'string' ? t.trim().toLowerCase() : t;
    if (v !== '') out.add(v);
  }
  return [...out];
}

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage return) as a formula.
 * Prefixing a quote keeps an exported cell plain text, so an export cannot run code when opened.
 */
export function neutralizeFormula(cell: string): string {
  return ESCAPED.test(cell) ? `'${cell}` : cell;
}
// Quotes already in front of a formula character get one more too, so that restoreFormula can
// tell the export's quote from one a person typed: "'=x" leaves as "''=x" and comes back as "'=x".
const ESCAPED = /^'*[=+\-@\t\r]/;

/** Undoes exactly what neutralizeFormula did, so an export imported again round-trips. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters typed. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lowercase without accents, like the database's juntos_fold(): "Nguyễn" and "nguyen" match. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

let languageNames: Map<string, string> | undefined;

/**
 * A language as a spreadsheet may write it: its name in English or Spanish ("Spanish", "español",
 * "Inglés"), without case or accents, becomes its two-letter tag, from the runtime's own ICU names.
 * Anything else (a tag such as "es" or "zh-Hant", or nonsense) comes back as it was, to be judged
 * like any typed tag.
 */
export function languageOf(cell: string): string {
  if (!languageNames) {
    languageNames = new Map();
    const shown = ['en', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'language', fallback: 'none' }));
    for (let a = 0; a < 26; a++)
      for (let b = 0; b < 26; b++) {
        const code = String.fromCharCode(97 + a, 97 + b);
        for (const names of shown) {
          const name = names.of(code);
          if (name && name !== code) languageNames.set(fold(name), code);
        }
      }
  }
  return languageNames.get(fold(cell.trim())) ?? cell;
}
