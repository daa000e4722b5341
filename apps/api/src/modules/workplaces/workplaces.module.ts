import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { WorkplacesRepository } from './workplaces.repository';
import { WorkplacesResolver } from './workplaces.resolver';
import { WorkplacesService } from './workplaces.service';
import { recordKinds } from '@juntos/access';
import { WorkplaceEntity, UnitEntity, featureEntities } from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    workplace: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([WorkplaceEntity, UnitEntity]),
    AuditModule,
    LocalsModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({ workplace: 'select local_id, id as workplace_id from workplace where id = $1' }),
    WorkplacesRepository,
    WorkplacesService,
    WorkplacesResolver,
  ],
  exports: [WorkplacesService],
})
export class WorkplacesModule {}
