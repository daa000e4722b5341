import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { AuditModule } from '../audit/audit.module';
import { EventsRepository } from '../events/events.repository';
import { MembersRepository } from '../members/members.repository';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { WorkplacesModule } from '../workplaces/workplaces.module';
import { OsdiHelpersController } from './osdi-helpers.controller';
import { OsdiHelpersRepository } from './osdi-helpers.repository';
import { OsdiHelpersService } from './osdi-helpers.service';
import { OsdiController } from './osdi.controller';
import { OsdiRepository } from './osdi.repository';
import { OsdiService } from './osdi.service';

/** The OSDI v1.2 interface at /osdi/v1/, authenticated by a local's API token. */
@Module({
  imports: [ApiTokensModule, AuditModule, WorkplacesModule],
  controllers: [OsdiController, OsdiHelpersController],
  providers: [
    OsdiRepository,
    OsdiService,
    OsdiHelpersRepository,
    OsdiHelpersService,
    // The write helpers work in a token's system scope, which the domain services (built on a
    // signed-in user's RequestContext) do not take: they use the domain's repositories, which
    // take a Scope, so each rule's SQL stays in one place.
    MembersRepository,
    PetitionsRepository,
    EventsRepository,
  ],
})
export class OsdiModule {}
