// Appends to audit_event. Never pass secrets or tokens in details.
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sanitizeText } from '../http/hostile-input';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  ip?: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown> | null;
}

/** The client's text as its column can store it: no NUL, no lone surrogates, cut to the column's length. */
const clean = (value: string | null, length: number) => (value === null ? null : sanitizeText(value.slice(0, length)));

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
          clean(entry.action, 64),
          clean(entry.objectType ?? null, 40),
          clean(entry.objectId ?? null, 64),
          entry.ip ?? null,
          entry.outcome,
          // A denial may carry whatever the client put in the path: store what PostgreSQL can hold.
          entry.details ? JSON.stringify(entry.details, (_key, value: unknown) => (typeof value === 'string' ? sanitizeText(value) : value)) : null,
        ],
      );
    } catch (error) {
      if (manager) throw error;
      // A lost audit row must not turn a denial into a 500; it is logged instead.
      this.logger.error(`audit write failed: ${String(error)}`);
    }
  }
}
