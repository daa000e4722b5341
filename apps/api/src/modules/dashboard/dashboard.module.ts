import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CommitteesModule } from '../committees/committees.module';
import { EventsModule } from '../events/events.module';
import { LocalsModule } from '../locals/locals.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { DashboardRepository } from './dashboard.repository';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [CampaignsModule, CommitteesModule, EventsModule, LocalsModule, PetitionsModule],
  providers: [DashboardRepository, DashboardService, DashboardResolver],
})
export class DashboardModule {}
