import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { hashPassword, passwordProblem } from '@juntos/auth';
import { TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from './users.repository';

/**
 * When there are no users yet, creates the platform admin from BOOTSTRAP_ADMIN_EMAIL and
 * BOOTSTRAP_ADMIN_PASSWORD. In development without them, it makes a password and prints it once.
 * It never seeds anything else.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly log = new Logger('Bootstrap');

  constructor(
    private readonly config: ConfigService,
    private readonly tx: TransactionHost,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = this.config.get<string>('NODE_ENV');
    let email = this.config.get<string>('BOOTSTRAP_ADMIN_EMAIL')?.toLowerCase();
    let password = this.config.get<string>('BOOTSTRAP_ADMIN_PASSWORD');
    await this.tx.system('bootstrap', async () => {
      if (await this.users.exists()) return;
      let generated = false;
      if (!email || !password) {
        if (env !== 'development') {
          if (env === 'production')
            this.log.warn(
              'No users yet: set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD and restart.',
            );
          return;
        }
        email ??= 'admin@juntos.local';
        password = randomBytes(18).toString('base64url');
        generated = true;
      }
      const problem = passwordProblem(password, email);
      if (problem) throw new Error(`BOOTSTRAP_ADMIN_PASSWORD is too weak: ${problem}`);
      const admin = await this.users.insert({
        email,
        displayName: 'Platform admin',
        passwordHash: await hashPassword(password),
        isPlatformAdmin: true,
      });
      await this.audit.recordAs(
        { actorId: null, ip: null },
        { localId: null, action: 'platform.bootstrap_admin', targetType: 'User', targetId: admin.id },
      );
      if (generated) {
        // Printed once, to the console only: it is not stored anywhere in plain text.
        process.stdout.write(
          `\njuntos: created the platform admin ${email} with password ${password}\n` +
            'juntos: sign in with POST /auth/login and keep this password somewhere safe; it is not shown again.\n\n',
        );
      } else {
        this.log.log(`created the platform admin ${email}`);
      }
    });
  }
}
