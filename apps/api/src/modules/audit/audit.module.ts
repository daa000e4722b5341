import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/**
 * A leaf: it records and lists, and imports no feature module, so every feature can import it.
 * AuditEvent.actor resolves in accounts (AuditActorResolver).
 */
@Module({
  providers: [AuditRepository, AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
