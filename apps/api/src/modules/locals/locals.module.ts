import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsRepository } from './locals.repository';
import { LocalsResolver } from './locals.resolver';
import { LocalsService } from './locals.service';
import { recordKinds } from '@juntos/access';
import { LocalEntity, featureEntities } from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    local: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([LocalEntity]),
    AuditModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({ local: 'select id as local_id, null::uuid as workplace_id from local where id = $1' }),
    LocalsRepository,
    LocalsService,
    LocalsResolver,
  ],
  exports: [LocalsService],
})
export class LocalsModule {}
