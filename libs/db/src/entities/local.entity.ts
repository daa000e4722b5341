import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalKind } from '@juntos/common';
import { CreatedAt, Reference, UpdatedAt } from './columns';

/** A union local or tenant union: the boundary of all data. */
@Entity('local')
@Check('local_name_check', 'length(name) between 1 and 200')
@Check('local_kind_check', "kind in ('UNION_LOCAL', 'TENANT_UNION')")
export class LocalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: LocalKind;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** The local a row belongs to (local_id), under the foreign key `fk`: deleted with the local. */
export const LocalId = (fk: string) =>
  Reference(() => LocalEntity, 'local_id', { name: fk, onDelete: 'CASCADE' });
