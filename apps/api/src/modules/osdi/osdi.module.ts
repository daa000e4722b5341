import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { AuditModule } from '../audit/audit.module';
import { OsdiController } from './osdi.controller';
import { OsdiRepository } from './osdi.repository';
import { OsdiService } from './osdi.service';

/** The OSDI v1.2 interface at /osdi/v1/, authenticated by a local's API token. */
@Module({
  imports: [ApiTokensModule, AuditModule],
  controllers: [OsdiController],
  providers: [OsdiRepository, OsdiService],
})
export class OsdiModule {}
