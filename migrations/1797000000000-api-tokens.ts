import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls, PURPOSE } from './helpers/rls';

/**
 * Per-local API tokens for the OSDI interface. Only the SHA-256 of the secret is kept. The
 * `osdi:authenticate` purpose may find a token by its hash in any local (the request names no
 * local before the token is known) and stamp its last use; nothing else.
 */
export class ApiTokens1797000000000 implements MigrationInterface {
  name = 'ApiTokens1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table api_token (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        name text not null,
        scopes text[] not null,
        secret_hash bytea not null,
        created_by uuid not null,
        created_at timestamptz(3) not null default now(),
        last_used_at timestamptz(3),
        revoked_at timestamptz(3),
        constraint api_token_local_fk foreign key (local_id) references local (id) on delete cascade,
        constraint api_token_created_by_fk foreign key (created_by) references app_user (id),
        constraint api_token_secret_hash_key unique (secret_hash),
        constraint api_token_local_id_id_key unique (local_id, id),
        constraint api_token_name_check check (char_length(name) between 1 and 100),
        constraint api_token_scopes_check check (
          cardinality(scopes) between 1 and 2 and scopes <@ array['OSDI_READ', 'OSDI_WRITE']::text[]
        )
      )`);
    await q.query(`create index api_token_local_created_idx on api_token (local_id, created_at, id)`);
    await enableLocalRls(q, 'api_token');
    await q.query(`grant select, insert, update on api_token to juntos_app`);
    await q.query(
      `create policy api_token_authenticate on api_token for select using (${PURPOSE} = 'osdi:authenticate')`,
    );
    await q.query(
      `create policy api_token_touch on api_token for update
         using (${PURPOSE} = 'osdi:authenticate') with check (${PURPOSE} = 'osdi:authenticate')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table api_token`);
  }
}
