// Every read of the audit trail (audit_event is written by AuditRecorder and never changed), newest
// first in the order written (the identity id). The
// edition filter follows the objects: the edition itself, an event naming it in details, and its
// categories, reports, practices and awards (events on rows deleted since carry no edition).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import type { AuditEventView } from './dto/audit.dto';

export interface AuditFilterValues {
  actorId: string | null;
  actorText: string | null;
  action: string | null;
  actionPrefix: string | null;
  objectType: string | null;
  objectId: string | null;
  editionId: string | null;
  outcome: string | null;
  from: Date | null;
  to: Date | null;
}

const COLUMNS = `
  ae.id::text AS id, ae.at, ae.action, ae.object_type AS "objectType", ae.object_id AS "objectId", ae.outcome, ae.ip, ae.details,
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS actor`;

/** The WHERE clause of the filters as $1..$10, in AuditFilterValues' order. */
const WHERE = `
  ($1::uuid IS NULL OR ae.actor_id = $1)
  AND ($2::text IS NULL OR u.name ILIKE '%' || $2 || '%' OR u.email ILIKE '%' || $2 || '%')
  AND ($3::text IS NULL OR ae.action = $3)
  AND ($4::text IS NULL OR left(ae.action, length($4)) = $4)
  AND ($5::text IS NULL OR ae.object_type = $5)
  AND ($6::text IS NULL OR ae.object_id = $6)
  AND ($7::uuid IS NULL OR (ae.object_type = 'edition' AND ae.object_id = $7::text)
       OR ae.details->>'editionId' = $7::text
       OR (ae.object_type = 'category' AND ae.object_id IN (SELECT id::text FROM category WHERE edition_id = $7))
       OR (ae.object_type = 'award' AND ae.object_id IN (SELECT id::text FROM award WHERE edition_id = $7))
       OR (ae.object_type = 'report' AND ae.object_id IN (SELECT id::text FROM report WHERE edition_id = $7))
       OR (ae.object_type = 'practice' AND ae.object_id IN (SELECT p.id::text FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $7)))
  AND ($8::audit_outcome IS NULL OR ae.outcome = $8)
  AND ($9::timestamptz IS NULL OR ae.at >= $9)
  AND ($10::timestamptz IS NULL OR ae.at < $10)`;

const values = (f: AuditFilterValues) => [f.actorId, f.actorText, f.action, f.actionPrefix, f.objectType, f.objectId, f.editionId, f.outcome, f.from, f.to];

/** Escapes LIKE's wildcards so the actor text matches literally. */
const literalLike = (text: string | null) => (text === null ? null : text.replace(/[\\%_]/g, (c) => `\\${c}`));

@Injectable()
export class AuditTrailRepository {
  page(manager: EntityManager, filter: AuditFilterValues, limit: number, offset: number): Promise<(AuditEventView & { total: string })[]> {
    return queryRows(
      manager,
      `SELECT ${COLUMNS}, count(*) OVER () AS total
         FROM audit_event ae LEFT JOIN app_user u ON u.id = ae.actor_id
        WHERE ${WHERE}
        ORDER BY ae.id DESC
        LIMIT $11 OFFSET $12`,
      [...values({ ...filter, actorText: literalLike(filter.actorText) }), limit, offset],
    );
  }

  /** The next batch for the export, newest first, after the id of the last one read (null: from the newest). */
  batch(manager: EntityManager, filter: AuditFilterValues, afterId: string | null, size: number): Promise<AuditEventView[]> {
    return queryRows(
      manager,
      `SELECT ${COLUMNS}
         FROM audit_event ae LEFT JOIN app_user u ON u.id = ae.actor_id
        WHERE ${WHERE}
          AND ($11::bigint IS NULL OR ae.id < $11)
        ORDER BY ae.id DESC
        LIMIT $12`,
      [...values({ ...filter, actorText: literalLike(filter.actorText) }), afterId, size],
    );
  }
}
