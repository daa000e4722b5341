import { Module } from '@nestjs/common';
import { recordKinds } from '@juntos/access';
import { featureEntities } from '@juntos/db';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensResolver } from './api-tokens.resolver';
import { ApiTokensService } from './api-tokens.service';

declare module '@juntos/access' {
  interface RecordKinds {
    apiToken: true;
  }
}

/** Per-local keys for the OSDI interface, created and revoked by the local's admins. */
@Module({
  imports: [featureEntities([ApiTokenEntity]), AuditModule, AccountsModule, LocalsModule],
  providers: [
    recordKinds({ apiToken: 'select local_id, null::uuid as workplace_id from api_token where id = $1' }),
    ApiTokensRepository,
    ApiTokensService,
    ApiTokensResolver,
  ],
  exports: [ApiTokensService],
})
export class ApiTokensModule {}
