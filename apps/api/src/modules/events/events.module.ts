import { Module } from '@nestjs/common';
import { recordKinds } from '@juntos/access';
import { featureEntities } from '@juntos/db';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { MembersModule } from '../members/members.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { AttendanceEntity, EventEntity } from './event.entity';
import { EventsRepository } from './events.repository';
import { AttendancesResolver, EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { MemberAttendancesResolver } from './member-attendances.resolver';

declare module '@juntos/access' {
  interface RecordKinds {
    event: true;
  }
}

@Module({
  imports: [
    featureEntities([EventEntity, AttendanceEntity]),
    AuditModule,
    LocalsModule,
    WorkplacesModule,
    MembersModule,
    AccountsModule,
  ],
  providers: [
    // An event is of its local, and of its workplace when it has one.
    recordKinds({ event: 'select local_id, workplace_id from event where id = $1' }),
    EventsRepository,
    EventsService,
    EventsResolver,
    AttendancesResolver,
    MemberAttendancesResolver,
  ],
  exports: [EventsService],
})
export class EventsModule {}
