import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MembershipStatus } from '@juntos/common';
import { CreatedAt, SameLocal, Timestamp, UpdatedAt } from './columns';
import { LocalId } from './local.entity';
import { UnitEntity, WorkplaceEntity } from './workplace.entity';

/**
 * A person the local organizes, member yet or not. Holds no immigration or citizenship status,
 * and never will: a test fails if such a column or field appears.
 */
@Entity('member')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'member_workplace_fk' })
@ForeignKey(() => UnitEntity, ['workplaceId', 'unitId'], ['workplaceId', 'id'], { name: 'member_unit_fk' })
@Unique('member_local_id_id_key', ['localId', 'id'])
// Not unique: the API keeps contact details unique within what the writer may see, and flags
// the rest as possible duplicates (README: "Workplaces and members").
@Index('member_local_email_idx', ['localId', 'email'], { where: 'email IS NOT NULL' })
@Index('member_local_phone_idx', ['localId', 'phone'], { where: 'phone IS NOT NULL' })
@Index('member_local_name_idx', ['localId', 'lastName', 'firstName', 'id'])
@Index('member_workplace_name_idx', ['localId', 'workplaceId', 'lastName', 'firstName', 'id'])
@Index('member_unit_idx', ['unitId'], { where: 'unit_id IS NOT NULL' })
// The dashboard's coverage boundary day (its other numbers come from dashboard_tally).
// (local_id, last_contact_at) include (workplace_id), written in the migration: TypeORM has no INCLUDE.
@Index('member_last_contact_idx', { synchronize: false })
// GIN indexes (tags) are written by hand in the migration.
@Index('member_tags_idx', { synchronize: false })
// (local_id, search_text) include (archived_at, workplace_id): TypeORM has no INCLUDE.
@Index('member_local_search_idx', { synchronize: false })
@Check('member_first_name_check', 'length(first_name) between 1 and 100')
@Check('member_last_name_check', 'length(last_name) between 1 and 100')
@Check('member_email_check', 'email = lower(email)')
@Check('member_status_check', "status in ('PROSPECT', 'MEMBER', 'NON_MEMBER', 'FORMER')")
@Check('member_support_level_check', 'support_level between 1 and 5')
@Check('member_unit_needs_workplace', 'unit_id is null or workplace_id is not null')
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('member_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'workplace_id', nullable: true }) workplaceId: string | null;
  @Column({ type: 'uuid', name: 'unit_id', nullable: true }) unitId: string | null;
  @Column({ type: 'text', name: 'first_name' }) firstName: string;
  @Column({ type: 'text', name: 'last_name' }) lastName: string;
  @Column({ type: 'text', name: 'preferred_name', nullable: true }) preferredName: string | null;
  /** E.164. */
  @Column({ type: 'text', nullable: true }) phone: string | null;
  /** Lowercased. */
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** A canonical BCP-47 tag. */
  @Column({ type: 'text', name: 'preferred_language', nullable: true }) preferredLanguage: string | null;
  @Column({ type: 'text', default: MembershipStatus.PROSPECT }) status: MembershipStatus;
  @Timestamp('card_signed_at') cardSignedAt: Date | null;
  /** 1 leader … 5 opposed: the assessment of the latest one-on-one that made one. */
  @Column({ type: 'smallint', name: 'support_level', nullable: true }) supportLevel: number | null;
  @Timestamp('last_contact_at') lastContactAt: Date | null;
  /** When `supportLevel` was assessed: the occurredAt of that one-on-one. */
  @Timestamp('assessed_at') assessedAt: Date | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  /** Consent to rapid-response alerts by text message; none until the member gives it. */
  @Column({ type: 'boolean', name: 'alert_opt_in', default: false }) alertOptIn: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
  @Timestamp('archived_at') archivedAt: Date | null;
  /**
   * What members search matches (names, email, phone), folded: kept by a trigger from the other
   * columns, never written or read as a field.
   */
  @Column({ type: 'text', name: 'search_text', select: false, insert: false, update: false })
  searchText?: string;
}
