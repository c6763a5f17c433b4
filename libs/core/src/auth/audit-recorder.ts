// Appends to audit_event. Never pass secrets or tokens in details.
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  ip?: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown> | null;
}

@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger(AuditRecorder.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Records in the given transaction (so it commits with the change), or on its own. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const runner = manager ?? this.dataSource;
    try {
      await runner.query(
        `INSERT INTO audit_event (actor_id, action, object_type, object_id, ip, outcome, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [
          entry.actorId,
          entry.action,
          entry.objectType ?? null,
          entry.objectId ?? null,
          entry.ip ?? null,
          entry.outcome,
          entry.details ? JSON.stringify(entry.details) : null,
        ],
      );
    } catch (error) {
      if (manager) throw error;
      // A lost audit row must not turn a denial into a 500; it is logged instead.
      this.logger.error(`audit write failed: ${String(error)}`);
    }
  }
}
