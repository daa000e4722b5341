import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditEventEntity, featureEntities } from '@juntos/db';

/**
 * A leaf: it records and lists, and imports no feature module, so every feature can import it.
 * AuditEvent.actor resolves in accounts (AuditActorResolver).
 */
@Module({
  imports: [
    // Its own tables: the app's DataSource loads them from here (autoLoadEntities).
    featureEntities([AuditEventEntity]),
  ],
  providers: [AuditRepository, AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
