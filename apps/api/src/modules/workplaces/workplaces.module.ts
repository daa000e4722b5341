import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { WorkplacesRepository } from './workplaces.repository';
import { WorkplacesResolver } from './workplaces.resolver';
import { WorkplacesService } from './workplaces.service';

@Module({
  imports: [AuditModule, LocalsModule],
  providers: [WorkplacesRepository, WorkplacesService, WorkplacesResolver],
  exports: [WorkplacesService],
})
export class WorkplacesModule {}
