import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsRepository } from './locals.repository';
import { LocalsResolver } from './locals.resolver';
import { LocalsService } from './locals.service';

@Module({
  imports: [AuditModule],
  providers: [LocalsRepository, LocalsService, LocalsResolver],
  exports: [LocalsService],
})
export class LocalsModule {}
