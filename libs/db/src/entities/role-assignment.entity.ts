import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '@juntos/common';
import { CreatedAt, Reference, SameLocal } from './columns';
import { LocalId } from './local.entity';
import { UserEntity } from './user.entity';
import { WorkplaceEntity } from './workplace.entity';

/** A user's role in one local. */
@Entity('role_assignment')
@Unique('role_assignment_key', ['localId', 'userId', 'role'])
@Unique('role_assignment_local_id_id_key', ['localId', 'id'])
@Index('role_assignment_user_idx', ['userId'])
@Check('role_assignment_role_check', "role in ('LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER')")
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('role_assignment_local_id_fkey') localId: string;
  @Reference(() => UserEntity, 'user_id', { name: 'role_assignment_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;
  @Column({ type: 'text' }) role: Role;
  @CreatedAt() createdAt: Date;
}

/** A steward's assignment to a workplace: the members they may see and work with. */
@Entity('role_assignment_workplace')
@SameLocal(() => RoleAssignmentEntity, 'roleAssignmentId', { name: 'raw_assignment_fk', onDelete: 'CASCADE' })
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'raw_workplace_fk', onDelete: 'CASCADE' })
@Index('role_assignment_workplace_local_idx', ['localId', 'workplaceId'])
export class RoleAssignmentWorkplaceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'role_assignment_id' }) roleAssignmentId: string;
  @PrimaryColumn({ type: 'uuid', name: 'workplace_id' }) workplaceId: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
}
