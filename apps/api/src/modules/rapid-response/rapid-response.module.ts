import { Module } from '@nestjs/common';
import { recordKinds } from '@juntos/access';
import { featureEntities } from '@juntos/db';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { MembersModule } from '../members/members.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { AlertChannels } from './alert-channels';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { AlertDeliveryWorker } from './delivery.worker';
import { IncidentExpiryWorker } from './expiry.worker';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import {
  AlertDeliveryEntity,
  AlertEntity,
  IncidentEntity,
  ResponderEntity,
  ResponderWorkplaceEntity,
  VerificationEntity,
} from './rapid-response.entity';
import {
  AlertsResolver,
  IncidentDashboardResolver,
  IncidentsResolver,
  RespondersResolver,
  VerificationsResolver,
} from './rapid-response.resolver';
import { RespondersRepository } from './responders.repository';
import { RespondersService } from './responders.service';

declare module '@juntos/access' {
  interface RecordKinds {
    incident: true;
    alert: true;
  }
}

/** The rapid-response network: incidents, verifications, alerts and their delivery, responders. */
@Module({
  imports: [
    featureEntities([
      IncidentEntity,
      VerificationEntity,
      AlertEntity,
      AlertDeliveryEntity,
      ResponderEntity,
      ResponderWorkplaceEntity,
    ]),
    AuditModule,
    AccountsModule,
    LocalsModule,
    WorkplacesModule,
    MembersModule,
  ],
  providers: [
    // Every reader of incidents and alerts reaches the whole local, so neither names a workplace.
    recordKinds({
      incident: 'select local_id, null::uuid as workplace_id from incident where id = $1',
      alert: 'select local_id, null::uuid as workplace_id from alert where id = $1',
    }),
    AlertChannels,
    IncidentsRepository,
    AlertsRepository,
    RespondersRepository,
    IncidentsService,
    AlertsService,
    RespondersService,
    AlertDeliveryWorker,
    IncidentExpiryWorker,
    IncidentsResolver,
    VerificationsResolver,
    AlertsResolver,
    RespondersResolver,
    IncidentDashboardResolver,
  ],
})
export class RapidResponseModule {}
