import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LocalsModule } from '../locals/locals.module';
import { MembersModule } from '../members/members.module';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { MemberSignaturesResolver } from './member-signatures.resolver';
import { PetitionsRepository } from './petitions.repository';
import { PetitionsResolver, SignaturesResolver } from './petitions.resolver';
import { PetitionsService } from './petitions.service';
import { recordKinds } from '@juntos/access';
import { PetitionEntity, SignatureEntity, featureEntities } from '@juntos/db';

declare module '@juntos/access' {
  interface RecordKinds {
    petition: true;
    signature: true;
  }
}

@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([PetitionEntity, SignatureEntity]),
    AuditModule,
    LocalsModule,
    WorkplacesModule,
    MembersModule,
    AccountsModule,
  ],
  providers: [
    // Where its records keep their local and workplace, for the access checks.
    recordKinds({
      petition: 'select local_id, workplace_id from petition where id = $1',
      signature:
        'select s.local_id, m.workplace_id from signature s join member m on m.id = s.member_id where s.id = $1',
    }),
    PetitionsRepository,
    PetitionsService,
    PetitionsResolver,
    SignaturesResolver,
    MemberSignaturesResolver,
  ],
  exports: [PetitionsService],
})
export class PetitionsModule {}
