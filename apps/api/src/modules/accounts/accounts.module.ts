import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS } from '@juntos/auth';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { InvitationsResolver, RolesResolver, UsersResolver } from './accounts.resolver';
import { AuthController } from './auth.controller';
import { AttemptsRepository } from './attempts.repository';
import { AuditActorResolver } from './audit-actor.resolver';
import { AuthService } from './auth.service';
import { BootstrapService } from './bootstrap.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { RolesRepository } from './roles.repository';
import { RolesService } from './roles.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { recordKinds } from '@juntos/access';
import {
  UserEntity,
  RoleAssignmentEntity,
  RoleAssignmentWorkplaceEntity,
  InvitationEntity,
  SessionEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  AccountLockEntity,
  featureEntities,
} from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    roleAssignment: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([
      UserEntity,
      RoleAssignmentEntity,
      RoleAssignmentWorkplaceEntity,
      InvitationEntity,
      SessionEntity,
      RefreshTokenEntity,
      LoginAttemptEntity,
      AccountLockEntity,
    ]),

    AuditModule,
    LocalsModule,
    WorkplacesModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_SECRET'),
        signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({
      roleAssignment: 'select local_id, null::uuid as workplace_id from role_assignment where id = $1',
    }),
    UsersRepository,
    RolesRepository,
    InvitationsRepository,
    SessionsRepository,
    AttemptsRepository,
    UsersService,
    RolesService,
    InvitationsService,
    AuthService,
    BootstrapService,
    UsersResolver,
    RolesResolver,
    InvitationsResolver,
    SessionsService,
    SessionsResolver,
    AuditActorResolver,
  ],
  exports: [UsersService],
})
export class AccountsModule {}
