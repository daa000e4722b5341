import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns';

/** Someone who signs in. Not local-scoped: their access comes from role assignments. */
@Entity('app_user')
@Unique('app_user_email_key', ['email'])
@Check('app_user_email_check', 'email = lower(email)')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lowercased; unique. */
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text', name: 'display_name' }) displayName: string;
  @Column({ type: 'text', name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'boolean', name: 'is_platform_admin', default: false }) isPlatformAdmin: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
