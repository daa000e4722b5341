import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkplaceKind } from '@juntos/common';
import { CreatedAt, SameLocal, Timestamp, UpdatedAt } from './columns';
import { LocalId } from './local.entity';

/** A worksite, or a residential building (kind BUILDING). */
@Entity('workplace')
@Unique('workplace_local_id_id_key', ['localId', 'id'])
@Unique('workplace_local_name_key', ['localId', 'name'])
@Index('workplace_local_created_idx', ['localId', 'createdAt', 'id'])
@Check('workplace_kind_check', "kind in ('WORKSITE', 'BUILDING')")
@Check('workplace_headcount_check', 'headcount >= 0')
export class WorkplaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('workplace_local_id_fkey') localId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: WorkplaceKind;
  /** The employer of a worksite, the landlord of a building. */
  @Column({ type: 'text', nullable: true }) employer: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'integer', nullable: true }) headcount: number | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
  @Timestamp('archived_at') archivedAt: Date | null;
}

/** A department or shift of a worksite, or a home in a building. */
@Entity('unit')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'unit_workplace_fk', onDelete: 'CASCADE' })
@Unique('unit_workplace_name_key', ['workplaceId', 'name'])
@Unique('unit_workplace_id_id_key', ['workplaceId', 'id'])
@Index('unit_local_idx', ['localId', 'workplaceId'])
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'workplace_id' }) workplaceId: string;
  @Column({ type: 'text' }) name: string;
  @CreatedAt() createdAt: Date;
}
