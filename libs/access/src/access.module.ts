import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { RecordKindRegistry } from './record-kinds';

@Global()
@Module({
  providers: [
    RecordKindRegistry,
    AccessRepository,
    AccessService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  // The registry is exported for the recordKinds() providers of the feature modules.
  exports: [AccessService, RecordKindRegistry],
})
export class AccessModule {}
