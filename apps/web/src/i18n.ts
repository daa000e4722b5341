import { i18n } from '@lingui/core';

export const LOCALES = { es: 'Español', en: 'English' } as const;
export type Locale = keyof typeof LOCALES;

const COOKIE = 'juntos_lang';

/** The language chosen before, else the browser's first Spanish or English, else Spanish. */
export function initialLocale(): Locale {
  const chosen = /(?:^|;\s*)juntos_lang=(es|en)(?:;|$)/.exec(document.cookie)?.[1];
  if (chosen) return chosen as Locale;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

/**
 * Loads and switches to a language, and remembers it in a cookie that names only the language:
 * nothing personal, and no web storage (the phone keeps nothing of anyone).
 */
export async function activate(locale: Locale): Promise<void> {
  const { messages } = await import(`./locales/${locale}/messages.po`);
  i18n.load(locale, messages);
  i18n.activate(locale);
  document.documentElement.lang = locale;
  document.cookie = `${COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Strict`;
}

export { i18n };
