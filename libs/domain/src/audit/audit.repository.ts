// The one statement on the audit trail: appending (a trigger refuses UPDATE and DELETE). Core's
// AuditRecorder cleans the entry and writes through this as its AUDIT_LOG.
import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AUDIT_LOG, AuditLog, AuditRow } from '@app/core';

@Injectable()
export class AuditRepository implements AuditLog {
  async append(manager: EntityManager, row: AuditRow): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, object_type, object_id, ip, outcome, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [row.actorId, row.action, row.objectType, row.objectId, row.ip, row.outcome, row.details],
    );
  }
}

/** Provides the domain's audit trail to core's AuditRecorder (the API's and the worker's). */
@Global()
@Module({ providers: [AuditRepository, { provide: AUDIT_LOG, useExisting: AuditRepository }], exports: [AuditRepository, AUDIT_LOG] })
export class AuditLogModule {}
