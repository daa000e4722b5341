import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { MembersModule } from '../members/members.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { PetitionsRepository } from './petitions.repository';
import { PetitionsResolver, SignaturesResolver } from './petitions.resolver';
import { PetitionsService } from './petitions.service';

@Module({
  imports: [AuditModule, LocalsModule, WorkplacesModule, MembersModule, AccountsModule],
  providers: [PetitionsRepository, PetitionsService, PetitionsResolver, SignaturesResolver],
  exports: [PetitionsService],
})
export class PetitionsModule {}
