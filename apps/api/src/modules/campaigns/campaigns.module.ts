import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsResolver, StageChangeResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AuditModule, AccountsModule, LocalsModule, PetitionsModule],
  providers: [CampaignsRepository, CampaignsService, CampaignsResolver, StageChangeResolver],
  exports: [CampaignsService],
})
export class CampaignsModule {}
