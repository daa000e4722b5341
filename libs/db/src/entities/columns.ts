import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Millisecond precision, so a JS Date round-trips exactly and keyset cursors never skip or repeat a row.
const ts: ColumnOptions = { type: 'timestamptz', precision: 3 };

export const CreatedAt = () => CreateDateColumn({ ...ts, name: 'created_at', default: () => 'now()' });
export const UpdatedAt = () => UpdateDateColumn({ ...ts, name: 'updated_at', default: () => 'now()' });
export const Timestamp = (name: string, opts: ColumnOptions = {}) =>
  Column({ ...ts, name, nullable: true, ...opts });
