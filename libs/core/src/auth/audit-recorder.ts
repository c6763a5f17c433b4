// Records security-relevant events through the domain's AuditLog. Never pass secrets or tokens in details.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sanitizeText } from '../http/hostile-input';
import { AUDIT_LOG, AuditLog } from './audit-log';

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

  constructor(private readonly dataSource: DataSource, @Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  /** Records in the given transaction (so it commits with the change), or on its own. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    try {
      await this.log.append(manager ?? this.dataSource.manager, {
        actorId: entry.actorId,
        action: sanitizeText(entry.action.slice(0, 64)),
        objectType: clean(entry.objectType ?? null, 40),
        objectId: clean(entry.objectId ?? null, 64),
        ip: entry.ip ?? null,
        outcome: entry.outcome,
        // A denial may carry whatever the client put in the path: store what PostgreSQL can hold.
        details: entry.details ? JSON.stringify(entry.details, (_key, value: unknown) => (typeof value === 'string' ? sanitizeText(value) : value)) : null,
      });
    } catch (error) {
      if (manager) throw error;
      // A lost audit row must not turn a denial into a 500; it is logged instead.
      this.logger.error(`audit write failed: ${String(error)}`);
    }
  }
}
