import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsResolver, StageChangeResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';
import { recordKinds } from '@juntos/access';
import {
  CampaignEntity,
  CampaignStageChangeEntity,
  MilestoneEntity,
  CampaignPetitionEntity,
  featureEntities,
} from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    campaign: true;
    milestone: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([CampaignEntity, CampaignStageChangeEntity, MilestoneEntity, CampaignPetitionEntity]),
    AuditModule,
    AccountsModule,
    LocalsModule,
    PetitionsModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({
      campaign: 'select local_id, null::uuid as workplace_id from campaign where id = $1',
      milestone: 'select local_id, null::uuid as workplace_id from milestone where id = $1',
    }),
    CampaignsRepository,
    CampaignsService,
    CampaignsResolver,
    StageChangeResolver,
  ],
  exports: [CampaignsService],
})
export class CampaignsModule {}
