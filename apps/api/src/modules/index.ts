import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { LocalsModule } from './locals/locals.module';
import { MembersModule } from './members/members.module';
import { OneOnOnesModule } from './one-on-ones/one-on-ones.module';
import { PetitionsModule } from './petitions/petitions.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { WorkplacesModule } from './workplaces/workplaces.module';
import { EventsModule } from './events/events.module';
import { CommitteesModule } from './committees/committees.module';
import { RapidResponseModule } from './rapid-response/rapid-response.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { OsdiModule } from './osdi/osdi.module';

export const FEATURE_MODULES = [
  LocalsModule,
  AccountsModule,
  WorkplacesModule,
  MembersModule,
  OneOnOnesModule,
  PetitionsModule,
  CampaignsModule,
  EventsModule,
  CommitteesModule,
  RapidResponseModule,
  ApiTokensModule,
  OsdiModule,
  DashboardModule,
  AuditModule,
];
