import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempts hold client addresses and are deleted once the lockout window no longer needs
 * them (AttemptsRepository.prune, on every sign-in). This index keeps finding the expired ones
 * cheap however many recent attempts there are.
 */
export class LoginAttemptRetention1796000000000 implements MigrationInterface {
  name = 'LoginAttemptRetention1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index login_attempt_created_idx on login_attempt (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index login_attempt_created_idx`);
  }
}
