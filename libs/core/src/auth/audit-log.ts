// The port between the audit recorder and the domain: where an audit entry is appended. Core
// cleans the entry (the recorder) and decides what a failed write means; the domain, which owns
// the audit trail's table, provides the statement under AUDIT_LOG.
import { EntityManager } from 'typeorm';

/** An entry as stored: texts already fit their columns, details already serialized JSON. */
export interface AuditRow {
  actorId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  outcome: 'success' | 'failure' | 'denied';
  /** JSON text, or null. */
  details: string | null;
}

export interface AuditLog {
  /** Appends in the manager's transaction (or on its own with the data source's manager). */
  append(manager: EntityManager, row: AuditRow): Promise<void>;
}

/** The injection token of the domain's AuditLog. */
export const AUDIT_LOG = Symbol('AuditLog');
