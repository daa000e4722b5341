import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAt, LocalId, Reference, Timestamp, UserEntity } from '@juntos/db';

export enum ApiScope {
  OSDI_READ = 'OSDI_READ',
  OSDI_WRITE = 'OSDI_WRITE',
}

/** A local's key for the OSDI interface: only the SHA-256 of its secret is kept. */
@Entity('api_token')
@Unique('api_token_secret_hash_key', ['secretHash'])
@Unique('api_token_local_id_id_key', ['localId', 'id'])
@Index('api_token_local_created_idx', ['localId', 'createdAt', 'id'])
@Check('api_token_name_check', 'char_length(name) between 1 and 100')
@Check(
  'api_token_scopes_check',
  "cardinality(scopes) between 1 and 2 and scopes <@ array['OSDI_READ', 'OSDI_WRITE']::text[]",
)
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('api_token_local_fk') localId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', array: true }) scopes: ApiScope[];
  @Column({ type: 'bytea', name: 'secret_hash' }) secretHash: Buffer;
  @Reference(() => UserEntity, 'created_by', { name: 'api_token_created_by_fk' }) createdBy: string;
  @CreatedAt() createdAt: Date;
  @Timestamp('last_used_at') lastUsedAt: Date | null;
  @Timestamp('revoked_at') revokedAt: Date | null;
}
