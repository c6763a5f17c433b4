// The audit trail for coordinators: a filtered page, and the same filters as a streamed CSV export.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputError } from '@app/core';
import { pageTotal } from '../common/pg-errors';
import { AUDIT_CSV_HEADER, auditCsvLines } from './audit-csv';
import { AuditFilterValues, AuditTrailRepository } from './audit-trail.repository';
import { AuditEventPage, AuditFilter, AuditQuery } from './dto/audit.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPORT_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrailRepository,
  ) {}

  /** The filters as the repository takes them; a time range that ends before it starts is refused. */
  private values(filter: AuditFilter): AuditFilterValues {
    const from = filter.from ? new Date(filter.from) : null;
    const to = filter.to ? new Date(filter.to) : null;
    if (from && to && to.getTime() < from.getTime()) {
      throw new InvalidInputError('to', 'must not be before from');
    }
    const actor = filter.actor?.trim() || null;
    const group = filter.action?.endsWith('.*') ? filter.action.slice(0, -1) : null;
    return {
      actorId: actor && UUID.test(actor) ? actor : null,
      actorText: actor && !UUID.test(actor) ? actor : null,
      action: group ? null : (filter.action ?? null),
      actionPrefix: group,
      objectType: filter.objectType ?? null,
      objectId: filter.objectId ?? null,
      editionId: filter.editionId ?? null,
      outcome: filter.outcome ?? null,
      from,
      to,
    };
  }

  async page(query: AuditQuery): Promise<AuditEventPage> {
    const rows = await this.audit.page(this.dataSource.manager, this.values(query), query.limit, query.offset);
    return { items: rows.map(({ total: _total, ...event }) => event), total: pageTotal(rows) };
  }

  /** Checks the filters first (so a bad one answers 400, not a broken download), then streams the CSV. */
  exportCsv(filter: AuditFilter): AsyncGenerator<string> {
    const values = this.values(filter);
    const { dataSource, audit } = this;
    return (async function* () {
      yield `\uFEFF${AUDIT_CSV_HEADER}`;
      let after: string | null = null;
      for (;;) {
        const rows = await audit.batch(dataSource.manager, values, after, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield auditCsvLines(rows);
        if (rows.length < EXPORT_BATCH) return;
        after = rows[rows.length - 1].id;
      }
    })();
  }
}
