import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { MembersRepository } from './members.repository';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { PossibleDuplicatesResolver } from './possible-duplicates.resolver';
import { recordKinds } from '@juntos/access';
import { MemberEntity, featureEntities } from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    member: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([MemberEntity]),
    AuditModule,
    LocalsModule,
    WorkplacesModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({ member: 'select local_id, workplace_id from member where id = $1' }),
    MembersRepository,
    MembersService,
    MembersResolver,
    PossibleDuplicatesResolver,
  ],
  exports: [MembersService],
})
export class MembersModule {}
