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
} as const;
export type Column = (typeof COLUMNS)[keyof typeof COLUMNS];
export type CsvRow = { row: number; values: Partial<Record<Column, string>> };

const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Reads the CSV: a header row, then one member per row. Row numbers count data rows from 1.
 * Blank cells are left out, so an import never clears what a member already has.
 */
export function parseMemberCsv(csv: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw badInput(`The CSV could not be read: ${(e as Error).message}`, 'csv');
  }
  if (!records.length) throw badInput('The CSV is empty: it needs a header row.', 'csv');
  const [header, ...data] = records;
  const columns = header.map((h) => COLUMNS[headerKey(h) as keyof typeof COLUMNS] ?? null);
  for (const required of ['firstName', 'lastName'] as const) {
    if (!columns.includes(required)) throw badInput(`The CSV needs a ${required} column.`, 'csv');
  }
  if (data.length > IMPORT_MAX_ROWS) {
    throw badInput(
      `At most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows per import; this CSV has ${data.length}. Split it.`,
      'csv',
    );
  }
  return data.map((cells, i) => {
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((col, j) => {
      const v = cells[j];
      if (col && v !== undefined && v !== '') values[col] = restoreFormula(v);
    });
    return { row: i + 1, values };
  });
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
 * whose email or phone belongs to someone else is reported, not applied.
 */
export function planImport(rows: ValidRow[], existing: MemberEntity[], newId: () => string): ImportPlan {
  const byId = new Map<string, Full>();
  const byEmail = new Map<string, Full>();
  const byPhone = new Map<string, Full>();
  // Several people can share a name at one workplace.
  const byName = new Map<string, Full[]>();
  const index = (m: Full) => {
    byId.set(m.id, m);
    if (m.email) byEmail.set(m.email, m);
    if (m.phone) byPhone.set(m.phone, m);
    const key = nameKey(m.firstName, m.lastName, m.workplaceId);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  };
  const unindex = (m: Full) => {
    if (m.email && byEmail.get(m.email) === m) byEmail.delete(m.email);
    if (m.phone && byPhone.get(m.phone) === m) byPhone.delete(m.phone);
    const key = nameKey(m.firstName, m.lastName, m.workplaceId);
    byName.set(
      key,
      (byName.get(key) ?? []).filter((x) => x !== m),
    );
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
    const match =
      (fields.email && byEmail.get(fields.email)) ||
      (fields.phone && byPhone.get(fields.phone)) ||
      sameNameAndCompatible(fields) ||
      undefined;
    const next: Full = match
      ? { ...match, ...fields, ...keptSpelling(match, fields) }
      : { ...BLANK, ...fields, id: newId() };
    const emailOwner = next.email ? byEmail.get(next.email) : undefined;
    const phoneOwner = next.phone ? byPhone.get(next.phone) : undefined;
    if (emailOwner && emailOwner.id !== next.id) {
      errors.push({ row, message: 'email: another member of this local already has this email.' });
      continue;
    }
    if (phoneOwner && phoneOwner.id !== next.id) {
      errors.push({ row, message: 'phone: another member of this local already has this phone number.' });
      continue;
    }
    if (match) {
      unindex(match);
      updated++;
      if (!createdIds.has(next.id)) updatedIds.add(next.id);
    } else {
      created++;
      createdIds.add(next.id);
    }
    index(next);
  }

  return {
    creates: [...createdIds].map((id) => byId.get(id)!),
    updates: [...updatedIds].map((id) => byId.get(id)!),
    created,
    updated,
    errors,
  };
}
