// The audit export as RFC 4180 CSV lines (UTF-8; the controller sends the BOM first). Pure.
import { csvField } from '../jury/csv';
import type { AuditEventView } from './dto/audit.dto';

export const AUDIT_CSV_COLUMNS = [
  'id', 'at', 'actor_id', 'actor_name', 'actor_email', 'action', 'object_type', 'object_id', 'outcome', 'ip', 'details',
] as const;

export const AUDIT_CSV_HEADER = `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;

export function auditCsvLines(rows: readonly AuditEventView[]): string {
  let chunk = '';
  for (const row of rows) {
    const at = typeof row.at === 'string' ? row.at : new Date(row.at).toISOString();
    const fields = [
      row.id, at, row.actor?.id ?? '', row.actor?.name ?? '', row.actor?.email ?? '', row.action, row.objectType ?? '', row.objectId ?? '',
      row.outcome, row.ip ?? '', row.details ? JSON.stringify(row.details) : '',
    ];
    chunk += `${fields.map(csvField).join(',')}\r\n`;
  }
  return chunk;
}
