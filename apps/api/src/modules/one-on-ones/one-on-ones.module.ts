import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { MembersModule } from '../members/members.module';
import { NotesKeyCheck } from './notes-key-check';
import { NotesKeysRepository } from './notes-keys.repository';
import { MemberOneOnOnesResolver, OneOnOnesResolver } from './one-on-ones.resolver';
import { OneOnOnesRepository } from './one-on-ones.repository';
import { OneOnOnesService } from './one-on-ones.service';

@Module({
  imports: [AuditModule, MembersModule, AccountsModule],
  providers: [
    OneOnOnesRepository,
    NotesKeysRepository,
    OneOnOnesService,
    NotesKeyCheck,
    OneOnOnesResolver,
    MemberOneOnOnesResolver,
  ],
})
export class OneOnOnesModule {}
