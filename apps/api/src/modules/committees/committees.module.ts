import { Module } from '@nestjs/common';
import { recordKinds } from '@juntos/access';
import { featureEntities } from '@juntos/db';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { MembersModule } from '../members/members.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { CommitteeContactEntity, CommitteeEntity, CommitteeMembershipEntity } from './committee.entity';
import { CommitteesRepository } from './committees.repository';
import { CommitteeMembershipsResolver, CommitteesResolver } from './committees.resolver';
import { CommitteesService } from './committees.service';
import { MemberSeatsResolver } from './member-seats.resolver';

declare module '@juntos/access' {
  interface RecordKinds {
    committee: true;
    committeeMembership: true;
  }
}

@Module({
  imports: [
    featureEntities([CommitteeEntity, CommitteeMembershipEntity, CommitteeContactEntity]),
    AuditModule,
    LocalsModule,
    WorkplacesModule,
    MembersModule,
  ],
  providers: [
    // A committee is of its local, and of its workplace when it has one; a seat is of its committee's.
    recordKinds({
      committee: 'select local_id, workplace_id from committee where id = $1',
      committeeMembership:
        'select s.local_id, c.workplace_id from committee_membership s join committee c on c.id = s.committee_id and c.local_id = s.local_id where s.id = $1',
    }),
    CommitteesRepository,
    CommitteesService,
    CommitteesResolver,
    CommitteeMembershipsResolver,
    MemberSeatsResolver,
  ],
  exports: [CommitteesService],
})
export class CommitteesModule {}
