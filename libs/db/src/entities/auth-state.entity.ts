import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAt, Reference, Timestamp } from './columns';
import { UserEntity } from './user.entity';

/**
 * A signed-in device: one refresh-token family. Live while not ended and not expired; the Actor
 * load refuses an access token whose session is not live.
 */
@Entity('session')
@Index('session_user_idx', ['userId'], { where: 'ended_at IS NULL' })
@Check('session_user_agent_check', 'char_length(user_agent) <= 200')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Reference(() => UserEntity, 'user_id', { name: 'session_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;
  /** As the client's User-Agent names it, cut to 200 characters. */
  @Column({ type: 'text', name: 'user_agent', nullable: true }) userAgent: string | null;
  @CreatedAt() createdAt: Date;
  /** Set at each refresh, and by the Actor load at most once a minute. */
  @Timestamp('last_used_at') lastUsedAt: Date | null;
  /** The latest refresh token's expiry. */
  @Timestamp('expires_at', { nullable: false }) expiresAt: Date;
  @Timestamp('ended_at') endedAt: Date | null;
}

/** A refresh token, stored only as its SHA-256. Rotation links a token to the one that replaced it. */
@Entity('refresh_token')
@Unique('refresh_token_hash_key', ['tokenHash'])
@Index('refresh_token_user_idx', ['userId'], { where: 'revoked_at IS NULL' })
@Index('refresh_token_session_idx', ['sessionId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Reference(() => UserEntity, 'user_id', { name: 'refresh_token_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;
  @Reference(() => SessionEntity, 'session_id', {
    name: 'refresh_token_session_id_fkey',
    onDelete: 'CASCADE',
  })
  sessionId: string;
  @Column({ type: 'bytea', name: 'token_hash' }) tokenHash: Buffer;
  @Timestamp('expires_at', { nullable: false }) expiresAt: Date;
  @Timestamp('revoked_at') revokedAt: Date | null;
  @Column({ type: 'uuid', name: 'replaced_by', nullable: true }) replacedBy: string | null;
  @CreatedAt() createdAt: Date;
}

/**
 * One sign-in attempt, kept in Postgres so replicas and restarts share the brute-force counters.
 * Keyed by a hash of the email, so an unknown email locks exactly like a real account.
 */
@Entity('login_attempt')
@Index('login_attempt_account_idx', ['accountKey', 'at'])
@Index('login_attempt_ip_idx', ['ip', 'at'])
@Index('login_attempt_created_idx', ['at'])
@Check('login_attempt_outcome_check', "outcome in ('success', 'failure', 'refused')")
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'bytea', name: 'account_key' }) accountKey: Buffer;
  @Column({ type: 'text' }) ip: string;
  /** 'refused' was turned away (rate limit, lock) before any password check. */
  @Column({ type: 'text' }) outcome: 'success' | 'failure' | 'refused';
  @CreatedAt() at: Date;
}

/** An account (by email hash) locked after repeated failures, until `lockedUntil`. */
@Entity('account_lock')
export class AccountLockEntity {
  @PrimaryColumn({ type: 'bytea', name: 'account_key' }) accountKey: Buffer;
  @Timestamp('locked_until', { nullable: false }) lockedUntil: Date;
}
