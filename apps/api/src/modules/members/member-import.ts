import { parse } from 'csv-parse/sync';
import { badInput } from '@juntos/common';
import { MemberEntity } from '@juntos/db';
import { fold, restoreFormula } from './member-fields';
import type { MemberWritable } from './members.repository';

export const IMPORT_MAX_ROWS = 10_000;

/** Spreadsheet headers, matched without case, spaces, dashes or underscores. */
const COLUMNS = {
  firstname: 'firstName',
  lastname: 'lastName',
  preferredname: 'preferredName',
  email: 'email',
  phone: 'phone',
  workplace: 'workplace',
  unit: 'unit',
  status: 'status',
  preferredlanguage: 'preferredLanguage',
  tags: 'tags',
  alertoptin: 'alertOptIn',
} as const;
export type Column = (typeof COLUMNS)[keyof typeof COLUMNS];
export type CsvRow = { row: number; values: Partial<Record<Column, string>> };

const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

/** The file's shape: Juntos's own columns, or an Action Network export taken as it comes. */
export enum ImportFormat {
  JUNTOS = 'JUNTOS',
  ACTION_NETWORK = 'ACTION_NETWORK',
}

/** How one header is read: into which field, and before which others when two fill the same one. */
interface ColumnReading {
  column: Column;
  /** Lower wins when two columns of a row fill the same field; on a tie the later column does. */
  rank: number;
  /** Action Network separates tags with ", "; Juntos's own column with ";". */
  tagSeparator?: string;
}

/**
 * Action Network's own names (its report download, exact, without case) for fields Juntos keeps.
 * Its `first_name`, `last_name` and `email` already match Juntos's columns. `can2_phone` is the
 * number Action Network texts, so it wins over a `Phone` or `Phone Number` custom field. Everything
 * else it exports (the address, city, state, county and ZIP code, subscription and SMS statuses,
 * its ids and dates) is left out: Juntos keeps no address, and a list's subscription is not
 * membership, nor consent to rapid-response alerts.
 */
const ACTION_NETWORK: Record<string, ColumnReading> = {
  can2_phone: { column: 'phone', rank: 0 },
  'phone number': { column: 'phone', rank: 1 },
  phone_number: { column: 'phone', rank: 1 },
  can2_user_tags: { column: 'tags', rank: 1, tagSeparator: ', ' },
  language: { column: 'preferredLanguage', rank: 1 },
};

/** Action Network's report always has its `can2_` columns, or at least its four basic ones. */
function isActionNetwork(headers: string[]): boolean {
  const names = headers.map((h) => h.trim().toLowerCase());
  return (
    names.some((h) => h.startsWith('can2_')) ||
    ['first_name', 'last_name', 'email', 'zip_code'].every((h) => names.includes(h))
  );
}

function readingOf(header: string, format: ImportFormat): ColumnReading | null {
  const own =
    format === ImportFormat.ACTION_NETWORK ? ACTION_NETWORK[header.trim().toLowerCase()] : undefined;
  const column = COLUMNS[headerKey(header) as keyof typeof COLUMNS];
  return own ?? (column ? { column, rank: 1 } : null);
}

/** A CSV as the import reads it. */
export interface MemberCsv {
  format: ImportFormat;
  /** The header cells of the columns the import leaves out, as the file spells them. */
  ignoredColumns: string[];
  rows: CsvRow[];
}

/** How a spreadsheet says yes or no, in English or Spanish, without case. */
const YES_NO: Record<string, boolean> = {
  yes: true,
  no: false,
  sí: true,
  si: true,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/**
 * A yes/no cell (`alertOptIn`): yes/no, sí/si/no, true/false or 1/0, without case or surrounding
 * spaces. Undefined for anything else, which the import reports for the row.
 */
export function yesNo(cell: string): boolean | undefined {
  const key = cell.trim().normalize('NFC').toLowerCase();
  return Object.hasOwn(YES_NO, key) ? YES_NO[key] : undefined;
}

/**
 * Reads the CSV: a header row, then one member per row. Row numbers count data rows from 1.
 * Blank cells are left out, so an import never clears what a member already has.
 */
export function parseMemberCsv(csv: string): CsvRow[] {
  return readMemberCsv(csv).rows;
}

/** As parseMemberCsv, also saying whether the file is an Action Network export and what it leaves out. */
export function readMemberCsv(csv: string): MemberCsv {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw badInput(`The CSV could not be read: ${(e as Error).message}`, 'csv');
  }
  if (!records.length) throw badInput('The CSV is empty: it needs a header row.', 'csv');
  const [header, ...data] = records;
  const format = isActionNetwork(header) ? ImportFormat.ACTION_NETWORK : ImportFormat.JUNTOS;
  const readings = header.map((h) => readingOf(h, format));
  for (const required of ['firstName', 'lastName'] as const) {
    if (!readings.some((r) => r?.column === required))
      throw badInput(`The CSV needs a ${required} column.`, 'csv');
  }
  if (data.length > IMPORT_MAX_ROWS) {
    throw badInput(
      `At most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows per import; this CSV has ${data.length}. Split it.`,
      'csv',
    );
  }
  const rows = data.map((cells, i) => {
    const values: Partial<Record<Column, string>> = {};
    const ranks: Partial<Record<Column, number>> = {};
    readings.forEach((r, j) => {
      const v = cells[j];
      if (!r || v === undefined || v === '' || (ranks[r.column] ?? Infinity) < r.rank) return;
      ranks[r.column] = r.rank;
      values[r.column] = r.tagSeparator ? v.split(r.tagSeparator).join(';') : restoreFormula(v);
    });
    return { row: i + 1, values };
  });
  return { format, ignoredColumns: header.filter((h, j) => h && !readings[j]), rows };
}

export interface ImportError {
  row: number;
  message: string;
}

/** A row that passed validation, with its workplace and unit resolved to ids. */
export interface ValidRow {
  row: number;
  fields: Partial<MemberWritable> & Pick<MemberWritable, 'firstName' | 'lastName'>;
}

type Full = MemberWritable & { id: string };

export interface ImportPlan {
  creates: Full[];
  updates: Full[];
  created: number;
  updated: number;
  errors: ImportError[];
}

/** First and last name without case or accents, as the candidate query matches them. */
export const foldedName = (first: string, last: string) => `${fold(first)}|${fold(last)}`;
const nameKey = (first: string, last: string, workplaceId: string | null | undefined) =>
  `${foldedName(first, last)}|${workplaceId ?? ''}`;

const BLANK: Omit<MemberWritable, 'firstName' | 'lastName'> = {
  workplaceId: null,
  unitId: null,
  preferredName: null,
  phone: null,
  email: null,
  preferredLanguage: null,
  status: 'PROSPECT' as MemberWritable['status'],
  cardSignedAt: null,
  tags: [],
  alertOptIn: false,
};

/**
 * A row that spells a known member's name without accents or in other case ("jose garcia") keeps
 * the stored spelling ("José García"): a match never degrades a name that someone typed with care.
 */
function keptSpelling(stored: Full, row: ValidRow['fields']): Partial<Full> {
  const kept: Partial<Full> = {};
  for (const key of ['firstName', 'lastName', 'preferredName'] as const) {
    const mine = stored[key];
    const theirs = row[key];
    if (mine && theirs && mine !== theirs && fold(mine) === fold(theirs)) kept[key] = mine;
  }
  return kept;
}

/**
 * Decides, row by row, what an import does: a row matching a known member (by email, then phone,
 * then first name, last name and workplace) updates them; any other creates one. A name match
 * whose email or phone differs from the row's is another person with the same name. Members created
 * earlier in the same file count as known, so a file never creates the same person twice. A row
 * whose email or phone belongs to someone else is reported, not applied. Where several members
 * share a detail (a possible duplicate not yet merged), a row goes to the one with its name, else
 * to the oldest, so an export of such a local imports back unchanged.
 */
export function planImport(rows: ValidRow[], existing: MemberEntity[], newId: () => string): ImportPlan {
  const byId = new Map<string, Full>();
  // Who holds each email ('e:…') and phone ('p:…'). Usually one member; two or more where a
  // possible duplicate awaits an organizer's merge, oldest first (the order of `existing`).
  const holders = new Map<string, Full[]>();
  // Several people can share a name at one workplace.
  const byName = new Map<string, Full[]>();
  const contactKeys = (m: Full | undefined): [string | null, string | null] => [
    m?.email ? `e:${m.email}` : null,
    m?.phone ? `p:${m.phone}` : null,
  ];
  /** Puts `next` where `old` was (the same member, updated), or in as a new holder. */
  const index = (next: Full, old?: Full) => {
    byId.set(next.id, next);
    const olds = contactKeys(old);
    contactKeys(next).forEach((key, i) => {
      const was = olds[i];
      if (was && was === key) {
        holders.set(
          key,
          holders.get(key)!.map((m) => (m === old ? next : m)),
        );
        return;
      }
      if (was) {
        const rest = (holders.get(was) ?? []).filter((m) => m !== old);
        if (rest.length) holders.set(was, rest);
        else holders.delete(was);
      }
      if (key) holders.set(key, [...(holders.get(key) ?? []), next]);
    });
    if (old) {
      const oldKey = nameKey(old.firstName, old.lastName, old.workplaceId);
      byName.set(
        oldKey,
        (byName.get(oldKey) ?? []).filter((x) => x !== old),
      );
    }
    const key = nameKey(next.firstName, next.lastName, next.workplaceId);
    byName.set(key, [...(byName.get(key) ?? []), next]);
  };
  /** The member holding a detail: of several, the one with the row's name, else the oldest. */
  const holderOf = (key: string | null, f: ValidRow['fields']) => {
    const list = key ? holders.get(key) : undefined;
    if (!list) return undefined;
    const name = foldedName(f.firstName, f.lastName);
    return list.find((m) => foldedName(m.firstName, m.lastName) === name) ?? list[0];
  };
  /** Whether a detail belongs to someone other than `m`. */
  const heldByAnother = (key: string | null, m: Full) => {
    const list = key ? (holders.get(key) ?? []) : [];
    return list.length > 0 && !list.some((x) => x.id === m.id);
  };
  // A name match is the same person only if the row's email and phone do not say otherwise.
  const sameNameAndCompatible = (f: ValidRow['fields']) =>
    (byName.get(nameKey(f.firstName, f.lastName, f.workplaceId)) ?? []).find(
      (m) => (!f.email || !m.email || f.email === m.email) && (!f.phone || !m.phone || f.phone === m.phone),
    );
  // Only the writable fields are read back out (updateMany names them one by one).
  for (const e of existing) index({ ...e });

  const createdIds = new Set<string>();
  const updatedIds = new Set<string>();
  const errors: ImportError[] = [];
  let created = 0;
  let updated = 0;

  for (const { row, fields } of rows) {
    const [rowEmail, rowPhone] = contactKeys(fields as Full);
    const match =
      holderOf(rowEmail, fields) || holderOf(rowPhone, fields) || sameNameAndCompatible(fields) || undefined;
    const next: Full = match
      ? { ...match, ...fields, ...keptSpelling(match, fields) }
      : { ...BLANK, ...fields, id: newId() };
    const [email, phone] = contactKeys(next);
    if (heldByAnother(email, next)) {
      errors.push({ row, message: 'email: another member of this local already has this email.' });
      continue;
    }
    if (heldByAnother(phone, next)) {
      errors.push({ row, message: 'phone: another member of this local already has this phone number.' });
      continue;
    }
    if (match) {
      updated++;
      if (!createdIds.has(next.id)) updatedIds.add(next.id);
    } else {
      created++;
      createdIds.add(next.id);
    }
    index(next, match);
  }

  return {
    creates: [...createdIds].map((id) => byId.get(id)!),
    updates: [...updatedIds].map((id) => byId.get(id)!),
    created,
    updated,
    errors,
  };
}
