import { badInput } from '@juntos/common';

/** The most records one OSDI page holds (`max_pagesize` in the entry point). */
export const OSDI_MAX_PAGE = 100;
export const OSDI_DEFAULT_PAGE = 25;

export interface OsdiPage {
  page: number;
  perPage: number;
  /** Records changed after this time (`filter=modified_date gt '…'`), for incremental syncs. */
  modifiedAfter: Date | null;
  /** Records changed before this time (`filter=modified_date lt '…'`). */
  modifiedBefore: Date | null;
}

const whole = (raw: unknown, name: string, min: number, max: number, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}.`, name);
  return n;
};

/**
 * A date and time as OSDI sends it (ISO 8601), within years 1900 to 9999 (UTC): JavaScript reads
 * far wider ones ('-010000-01-01T00:00:00Z') that Postgres cannot hold. Null if it is none.
 */
export function osdiDate(raw: string): Date | null {
  const at = new Date(raw);
  const year = at.getUTCFullYear();
  return Number.isNaN(at.getTime()) || year < 1900 || year > 9999 ? null : at;
}

/** OSDI's OData-style filter, as far as syncing needs it: `modified_date gt|lt '<ISO 8601>'`. */
const FILTER = /^\s*modified_date\s+(gt|lt)\s+'([^']+)'\s*$/i;

/** Reads `page`, `per_page` and `filter` from a query string, refusing anything else it cannot honour. */
export function osdiPage(query: Record<string, unknown>): OsdiPage {
  const page = whole(query.page, 'page', 1, 1_000_000, 1);
  const perPage = whole(query.per_page, 'per_page', 1, OSDI_MAX_PAGE, OSDI_DEFAULT_PAGE);
  let modifiedAfter: Date | null = null;
  let modifiedBefore: Date | null = null;
  if (query.filter !== undefined) {
    const m = typeof query.filter === 'string' ? FILTER.exec(query.filter) : null;
    const at = m ? osdiDate(m[2]) : null;
    if (!m || !at)
      throw badInput(
        "filter must read modified_date gt '<date and time>' or modified_date lt '<date and time>', a date and time from 1900 to 9999.",
        'filter',
      );
    if (m[1].toLowerCase() === 'gt') modifiedAfter = at;
    else modifiedBefore = at;
  }
  return { page, perPage, modifiedAfter, modifiedBefore };
}

/** A collection's paging fields and links, as OSDI gives them. */
export function pageLinks(href: string, p: OsdiPage, total: number, extra: Record<string, string> = {}) {
  const totalPages = Math.max(1, Math.ceil(total / p.perPage));
  const at = (page: number) => {
    const q = new URLSearchParams({ ...extra, page: String(page), per_page: String(p.perPage) });
    if (p.modifiedAfter) q.set('filter', `modified_date gt '${p.modifiedAfter.toISOString()}'`);
    if (p.modifiedBefore) q.set('filter', `modified_date lt '${p.modifiedBefore.toISOString()}'`);
    return { href: `${href}?${q.toString()}` };
  };
  return {
    fields: { total_pages: totalPages, per_page: p.perPage, page: p.page, total_records: total },
    links: {
      self: at(p.page),
      ...(p.page < totalPages && { next: at(p.page + 1) }),
      ...(p.page > 1 && { previous: at(p.page - 1) }),
    },
  };
}
