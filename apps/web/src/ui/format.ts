import { useLingui } from '@lingui/react/macro';

const DAY = 86_400_000;

/** Dates, times and numbers in the user's language. */
export function useFormat() {
  const { i18n } = useLingui();
  const locale = i18n.locale === 'es' ? 'es-US' : 'en-US';
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    number: (n: number) => number.format(n),
    /** "3 days ago", "tomorrow": for last contact and follow-ups. */
    days: (iso: string) => relative.format(Math.round((new Date(iso).getTime() - Date.now()) / DAY), 'day'),
  };
}

/** A `datetime-local` input's value for a time, in the phone's time zone. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const daysAgo = (n: number): Date => new Date(Date.now() - n * DAY);
