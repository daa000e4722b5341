import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { MembersRepository } from './members.repository';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { PossibleDuplicatesResolver } from './possible-duplicates.resolver';

@Module({
  imports: [AuditModule, LocalsModule, WorkplacesModule],
  providers: [MembersRepository, MembersService, MembersResolver, PossibleDuplicatesResolver],
  exports: [MembersService],
})
export class MembersModule {}
