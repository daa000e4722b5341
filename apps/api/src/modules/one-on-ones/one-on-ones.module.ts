import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { MembersModule } from '../members/members.module';
import { NotesKeyCheck } from './notes-key-check';
import { NotesKeysRepository } from './notes-keys.repository';
import { MemberOneOnOnesResolver, OneOnOnesResolver } from './one-on-ones.resolver';
import { OneOnOnesRepository } from './one-on-ones.repository';
import { OneOnOnesService } from './one-on-ones.service';
import { recordKinds } from '@juntos/access';
import { OneOnOneEntity, featureEntities } from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    oneOnOne: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([OneOnOneEntity]),
    AuditModule,
    MembersModule,
    AccountsModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({
      oneOnOne:
        'select o.local_id, m.workplace_id from one_on_one o join member m on m.id = o.member_id where o.id = $1',
    }),
    OneOnOnesRepository,
    NotesKeysRepository,
    OneOnOnesService,
    NotesKeyCheck,
    OneOnOnesResolver,
    MemberOneOnOnesResolver,
  ],
})
export class OneOnOnesModule {}
