import { stacked } from '@juntos/common';
import { Column, ColumnOptions, CreateDateColumn, ForeignKey, ObjectType, UpdateDateColumn } from 'typeorm';
import type { ForeignKeyOptions } from 'typeorm/decorator/options/ForeignKeyOptions';

// Millisecond precision, so a JS Date round-trips exactly and keyset cursors never skip or repeat a row.
const ts: ColumnOptions = { type: 'timestamptz', precision: 3 };

export const CreatedAt = () => CreateDateColumn({ ...ts, name: 'created_at', default: () => 'now()' });
export const UpdatedAt = () => UpdateDateColumn({ ...ts, name: 'updated_at', default: () => 'now()' });
export const Timestamp = (name: string, opts: ColumnOptions = {}) =>
  Column({ ...ts, name, nullable: true, ...opts });

/** A uuid column `name` holding the id of a `target` row, under the foreign key `fk`. */
export const Reference = <T>(
  target: () => ObjectType<T>,
  name: string,
  fk: ForeignKeyOptions,
  opts: ColumnOptions = {},
) => stacked(ForeignKey(target, fk), Column({ type: 'uuid', name, ...opts }));

/**
 * A reference to a `target` row of the same local: (localId, `column`) → the target's (localId, id),
 * so a row can never point into another local.
 */
export const SameLocal = <T>(target: () => ObjectType<T>, column: string, fk: ForeignKeyOptions) =>
  ForeignKey(target, ['localId', column] as const, ['localId', 'id'], fk);
