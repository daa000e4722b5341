import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '@juntos/common';
import { CreatedAt, Reference, Timestamp } from './columns';
import { LocalId } from './local.entity';
import { UserEntity } from './user.entity';

/** A one-time, expiring offer of a role in a local. Only the token's hash is stored. */
@Entity('invitation')
@Unique('invitation_token_hash_key', ['tokenHash'])
@Index('invitation_local_idx', ['localId', 'createdAt'])
@Check('invitation_email_check', 'email = lower(email)')
@Check('invitation_role_check', "role in ('LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER')")
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('invitation_local_id_fkey') localId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'uuid', array: true, name: 'workplace_ids', default: () => "'{}'" }) workplaceIds: string[];
  @Column({ type: 'bytea', name: 'token_hash' }) tokenHash: Buffer;
  @Reference(
    () => UserEntity,
    'invited_by',
    { name: 'invitation_invited_by_fkey', onDelete: 'SET NULL' },
    { nullable: true },
  )
  invitedBy: string | null;
  @Timestamp('expires_at', { nullable: false }) expiresAt: Date;
  @Timestamp('accepted_at') acceptedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
