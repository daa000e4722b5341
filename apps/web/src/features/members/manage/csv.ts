/**
 * The CSV import's rules as the browser can check them, mirroring the API's (apps/api members
 * member-import.ts): the same header matching, yes/no words and field rules. The API has the last
 * word; this is a preview only.
 */

/** Lowercase without accents: "Nguyễn" and "nguyen" match, as in the API. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Juntos's fields a CSV column can fill. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'email',
  'phone',
  'workplace',
  'unit',
  'status',
  'preferredLanguage',
  'tags',
  'alertOptIn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_MAX_ROWS = 10_000;

/** A header matches a field without case, spaces, dashes or underscores ("First name" → firstName). */
export function fieldOf(header: string): ImportField | null {
  const key = header.toLowerCase().replace(/[^a-z]/g, '');
  return IMPORT_FIELDS.find((f) => f.toLowerCase() === key) ?? null;
}

/** Juntos's own columns, or an Action Network export taken as it comes. */
export type ImportFormat = 'JUNTOS' | 'ACTION_NETWORK';

/**
 * Action Network's own names for fields Juntos keeps (as in the API): can2_phone wins over a Phone
 * custom field, and its tags are separated by ", ". The rest of an export (address, ZIP code,
 * subscription statuses) is not imported.
 */
const ACTION_NETWORK: Record<string, { field: ImportField; rank: number; tagSeparator?: string }> = {
  can2_phone: { field: 'phone', rank: 0 },
  'phone number': { field: 'phone', rank: 1 },
  phone_number: { field: 'phone', rank: 1 },
  can2_user_tags: { field: 'tags', rank: 1, tagSeparator: ', ' },
  language: { field: 'preferredLanguage', rank: 1 },
};

/** An export has Action Network's can2_ columns, or at least its four basic ones. */
export function formatOf(headers: string[]): ImportFormat {
  const names = headers.map((h) => h.trim().toLowerCase());
  return names.some((h) => h.startsWith('can2_')) ||
    ['first_name', 'last_name', 'email', 'zip_code'].every((h) => names.includes(h))
    ? 'ACTION_NETWORK'
    : 'JUNTOS';
}

function readingOf(header: string, format: ImportFormat) {
  const own = format === 'ACTION_NETWORK' ? ACTION_NETWORK[header.trim().toLowerCase()] : undefined;
  const field = fieldOf(header);
  return own ?? (field ? { field, rank: 1 } : null);
}

/** RFC 4180: quoted cells with commas, quotes and line breaks; a BOM; blank lines left out; cells trimmed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(cell);
    if (row.some((c) => c.trim() !== '')) rows.push(row.map((c) => c.trim()));
    row = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

const YES_NO = new Set(['yes', 'no', 'sí', 'si', 'true', 'false', '1', '0']);
const STATUSES = new Set(['PROSPECT', 'MEMBER', 'NON_MEMBER', 'FORMER']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the browser finds wrong with a row; the API may refuse more (a workplace's unit, a duplicate). */
export type RowProblem =
  | { kind: 'firstName' | 'lastName' | 'email' | 'phone' | 'status' | 'alertOptIn' | 'tags' }
  | { kind: 'workplace'; value: string }
  | { kind: 'tooLong'; field: ImportField };

export interface PreviewRow {
  /** 1-based data row number, as the API reports it. */
  row: number;
  values: Partial<Record<ImportField, string>>;
  problems: RowProblem[];
}

export interface Preview {
  format: ImportFormat;
  headers: { header: string; field: ImportField | null }[];
  missing: ImportField[];
  rows: PreviewRow[];
}

/** Reads the file as the API will, and checks each row with the rules the browser can know. */
export function preview(text: string, workplaceNames: string[]): Preview {
  const [header = [], ...data] = parseCsv(text);
  const format = formatOf(header);
  const readings = header.map((h) => readingOf(h, format));
  const fields = readings.map((r) => r?.field ?? null);
  const headers = header.map((h, i) => ({ header: h, field: fields[i] }));
  const missing = (['firstName', 'lastName'] as const).filter((f) => !fields.includes(f));
  const known = new Set(workplaceNames.map((n) => n.toLowerCase()));
  const rows = data.map((cells, i) => {
    const values: Partial<Record<ImportField, string>> = {};
    const ranks: Partial<Record<ImportField, number>> = {};
    readings.forEach((r, j) => {
      const v = cells[j];
      if (!r || v === undefined || v === '' || (ranks[r.field] ?? Infinity) < r.rank) return;
      ranks[r.field] = r.rank;
      values[r.field] = r.tagSeparator ? v.split(r.tagSeparator).join(';') : v;
    });
    const problems: RowProblem[] = [];
    if (!values.firstName) problems.push({ kind: 'firstName' });
    if (!values.lastName) problems.push({ kind: 'lastName' });
    for (const f of ['firstName', 'lastName', 'preferredName'] as const)
      if ([...(values[f] ?? '')].length > 100) problems.push({ kind: 'tooLong', field: f });
    if (values.email && (!EMAIL.test(values.email) || values.email.length > 254))
      problems.push({ kind: 'email' });
    if (values.phone) {
      const digits = values.phone.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || /[a-z]/i.test(values.phone.replace(/ext\.?|x/gi, '')))
        problems.push({ kind: 'phone' });
    }
    if (values.status && !STATUSES.has(values.status.toUpperCase().replace(/[\s-]+/g, '_')))
      problems.push({ kind: 'status' });
    if (values.alertOptIn && !YES_NO.has(values.alertOptIn.normalize('NFC').toLowerCase()))
      problems.push({ kind: 'alertOptIn' });
    if (values.tags) {
      const tags = values.tags
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean);
      if (tags.length > 20 || tags.some((t) => t.length > 40)) problems.push({ kind: 'tags' });
    }
    if (values.workplace && !known.has(values.workplace.toLowerCase()))
      problems.push({ kind: 'workplace', value: values.workplace });
    return { row: i + 1, values, problems };
  });
  return { format, headers, missing, rows };
}
