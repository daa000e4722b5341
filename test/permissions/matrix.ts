import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Row } from './row';

export * from './row';

/**
 * One row per root operation of the schema, gathered from rows/<module>.ts (each exports ROWS): a
 * new module adds its own file and edits nothing here. A new operation fails the coverage test
 * until some file has its row; an operation claimed by two files stops the gathering.
 */
function gatherRows(): Record<string, Row> {
  const dir = join(__dirname, 'rows');
  const matrix: Record<string, Row> = {};
  const from: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rows = (require(join(dir, file)) as { ROWS?: Record<string, Row> }).ROWS;
    if (!rows) throw new Error(`test/permissions/rows/${file} exports no ROWS`);
    for (const [op, row] of Object.entries(rows)) {
      if (from[op]) throw new Error(`${op} has a row in both rows/${from[op]} and rows/${file}`);
      from[op] = file;
      matrix[op] = row;
    }
  }
  return matrix;
}

export const MATRIX: Record<string, Row> = gatherRows();
