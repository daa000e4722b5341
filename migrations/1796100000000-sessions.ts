import { MigrationInterface, QueryRunner } from 'typeorm';
import { LoadActorFunction1795996800000 } from './1795996800000-load-actor-function';

/**
 * Sessions: what a refresh-token family was, given a row of its own so a user (or their local's
 * admin, for a lost phone) can list and end it. Access tokens name their session (`sid`), and
 * the Actor load refuses one whose session has ended, so ending it takes effect on the very
 * next request rather than when the 15-minute access token expires.
 */
export class Sessions1796100000000 implements MigrationInterface {
  name = 'Sessions1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table session (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id) on delete cascade,
        user_agent text,
        created_at timestamptz(3) not null default now(),
        last_used_at timestamptz(3),
        expires_at timestamptz(3) not null,
        ended_at timestamptz(3),
        constraint session_user_agent_check check (char_length(user_agent) <= 200)
      )`);
    await q.query(`create index session_user_idx on session (user_id) where ended_at is null`);
    // The foreign key comes once every token has its session.
    await q.query(`alter table refresh_token add column session_id uuid`);

    // Each existing family becomes a session whose id is its first token's: roots are tokens no
    // rotation points to, and every rotation inherits its predecessor's root.
    await q.query(`
      with recursive fam as (
        select r.id, r.id as root from refresh_token r
         where not exists (select 1 from refresh_token p where p.replaced_by = r.id)
        union all
        select c.id, fam.root
          from fam join refresh_token p on p.id = fam.id join refresh_token c on c.id = p.replaced_by)
      update refresh_token t set session_id = fam.root from fam where fam.id = t.id`);
    await q.query(`
      insert into session (id, user_id, created_at, last_used_at, expires_at, ended_at)
      select root.id, root.user_id, root.created_at, max(t.created_at), max(t.expires_at),
             case when bool_or(t.revoked_at is null and t.expires_at > now()) then null
                  else coalesce(max(t.revoked_at), max(t.expires_at)) end
        from refresh_token root join refresh_token t on t.session_id = root.id
       group by root.id, root.user_id, root.created_at`);
    await q.query(`alter table refresh_token alter column session_id set not null`);
    await q.query(`
      alter table refresh_token add constraint refresh_token_session_id_fkey
        foreign key (session_id) references session(id) on delete cascade`);
    await q.query(`create index refresh_token_session_idx on refresh_token (session_id)`);

    // The Actor load now takes the token's session and returns no rows unless it is live. It
    // marks the session used at most once a minute, and never waits for another request's lock.
    await q.query(`drop function juntos_load_actor(uuid)`);
    await q.query(`
      create function juntos_load_actor(p_user uuid, p_session uuid)
      returns table (is_platform_admin boolean, local_id uuid, role text, workplace_ids uuid[], scope text)
      language plpgsql security invoker as $fn$
      declare
        v_last_used timestamptz;
      begin
        perform set_config('app.user_id', p_user::text, true);
        select s.last_used_at into v_last_used from session s
         where s.id = p_session and s.user_id = p_user and s.ended_at is null and s.expires_at > now();
        if not found then
          return;
        end if;
        if v_last_used is null or v_last_used < now() - interval '1 minute' then
          update session set last_used_at = now()
           where id = (select s.id from session s where s.id = p_session for update skip locked);
        end if;
        return query
          with g as materialized (
            select u.is_platform_admin, ra.local_id, ra.role,
                   coalesce(ra.workplace_ids, '{}') as workplace_ids
              from app_user u
              left join lateral (
                select a.local_id, a.role,
                       array_agg(w.workplace_id) filter (where w.workplace_id is not null) as workplace_ids
                  from role_assignment a
                  left join role_assignment_workplace w on w.role_assignment_id = a.id
                 where a.user_id = u.id
                 group by a.id, a.local_id, a.role) ra on true
             where u.id = p_user),
          s as (
            select set_config('app.local_ids',
                     coalesce('{' || string_agg(distinct g.local_id::text, ',') || '}', ''), true) as scope
              from g where g.local_id is not null)
          select g.is_platform_admin, g.local_id, g.role, g.workplace_ids, s.scope from g, s;
      end $fn$`);
    await q.query(`revoke all on function juntos_load_actor(uuid, uuid) from public`);
    await q.query(`grant execute on function juntos_load_actor(uuid, uuid) to juntos_app`);

    // A user's own session events (ending one, or all the others) have no local: the audit log
    // takes them from a request only as that user's own, and only these actions.
    await q.query(`
      create policy audit_event_append_own_session on audit_event for insert with check (
        local_id is null
        and actor_id = nullif(current_setting('app.user_id', true), '')::uuid
        and action in ('session.end', 'session.end_others'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop policy audit_event_append_own_session on audit_event`);
    await q.query(`drop function juntos_load_actor(uuid, uuid)`);
    await new LoadActorFunction1795996800000().up(q);
    await q.query(`drop index refresh_token_session_idx`);
    await q.query(`alter table refresh_token drop column session_id`);
    await q.query(`drop table session`);
  }
}
