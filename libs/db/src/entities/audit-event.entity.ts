import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from './columns';

/** Append-only. Never holds names, contact details or notes: only who did what to which id. */
@Entity('audit_event')
@Index('audit_event_local_idx', ['localId', 'at', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id', nullable: true }) localId: string | null;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text', name: 'target_type', nullable: true }) targetType: string | null;
  @Column({ type: 'uuid', name: 'target_id', nullable: true }) targetId: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  /** Counts and other non-personal facts, e.g. an import's totals. Never names or contact details. */
  @Column({ type: 'jsonb', nullable: true }) detail: Record<string, number | string> | null;
  @CreatedAt() at: Date;
}
