// Every statement on certificates: the facts an award's certificate states, the certificate in
// force per award and language, issuing and revoking, and what the public and officials may read
// (only certificates of published editions: PUBLISHED_CERTIFICATE_SQL).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import type { CertificateLanguage } from './certificate.entity';
import type { CertificateFacts } from './certificate-pdf';

export interface CertificateRow {
  id: string;
  code: string;
  awardId: string | null;
  editionId: string;
  language: CertificateLanguage;
  storageKey: string;
  size: number;
  sha256: string;
  fingerprint: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  published: boolean;
}

const CERTIFICATE_COLUMNS = `c.id, c.code, c.award_id AS "awardId", c.edition_id AS "editionId", c.language, c.storage_key AS "storageKey",
  c.size, c.sha256, c.fingerprint, c.created_at AS "createdAt", c.revoked_at AS "revokedAt", c.revoked_reason AS "revokedReason",
  (e.stage = 'published') AS published`;

/**
 * SQL: a JSON list of the certificates in force of award `awardAlias` (language, code), for the
 * public award pages and the officials' city page, which show only published editions' awards.
 */
export function certificatesJsonSql(awardAlias: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('language', cert.language, 'code', cert.code)
                             ORDER BY array_position(ARRAY['pl', 'en', 'uk']::varchar[], cert.language))
                      FROM certificate cert WHERE cert.award_id = ${awardAlias}.id AND cert.revoked_at IS NULL), '[]')`;
}

@Injectable()
export class CertificatesRepository {
  /** What the award's certificate states, or nothing when the award is gone. */
  async facts(manager: EntityManager, awardId: string): Promise<(CertificateFacts & { editionId: string }) | undefined> {
    const [row] = await queryRows<CertificateFacts & { editionId: string }>(
      manager,
      `SELECT a.edition_id AS "editionId", e.year, e.name AS "editionName", c.name AS "cityName", a.recipient_unit AS "recipientUnit",
              COALESCE((SELECT json_agg(json_build_object('name', cat.name, 'translations', cat.translations) ORDER BY cat.position, cat.name)
                          FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              a.citation,
              json_build_object('startsAt', e.ceremony_starts_at, 'venue', e.ceremony_venue, 'city', e.ceremony_city) AS ceremony
         FROM award a JOIN edition e ON e.id = a.edition_id JOIN city c ON c.id = a.city_id
        WHERE a.id = $1`,
      [awardId],
    );
    return row;
  }

  /** The award's ids of an edition (publication renders them all). */
  async awardIdsOfEdition(manager: EntityManager, editionId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(manager, `SELECT id FROM award WHERE edition_id = $1 ORDER BY position`, [editionId]);
    return rows.map((row) => row.id);
  }

  /** Awards of published editions missing a certificate in force in some language (oldest editions first). */
  async publishedAwardsWithoutCertificates(manager: EntityManager, languages: readonly string[], limit: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT a.id FROM award a JOIN edition e ON e.id = a.edition_id
        WHERE e.stage = 'published'
          AND (SELECT count(*) FROM certificate c WHERE c.award_id = a.id AND c.revoked_at IS NULL AND c.language = ANY($1::varchar[])) < cardinality($1::varchar[])
        ORDER BY e.year, a.position LIMIT $2`,
      [languages, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Serialises the issuing of one award's certificates (a redelivered job waits, then finds the work done). */
  async lockAward(manager: EntityManager, awardId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT id FROM award WHERE id = $1 FOR UPDATE`, [awardId]);
    return rows.length > 0;
  }

  async current(manager: EntityManager, awardId: string, language: CertificateLanguage): Promise<CertificateRow | undefined> {
    const [row] = await queryRows<CertificateRow>(
      manager,
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificate c JOIN edition e ON e.id = c.edition_id
        WHERE c.award_id = $1 AND c.language = $2 AND c.revoked_at IS NULL`,
      [awardId, language],
    );
    return row;
  }

  async revokeCurrent(manager: EntityManager, awardId: string, reason: string, language: CertificateLanguage | null = null): Promise<string[]> {
    const rows = await queryRows<{ storage_key: string }>(
      manager,
      `UPDATE certificate SET revoked_at = now(), revoked_reason = $3
        WHERE award_id = $1 AND revoked_at IS NULL AND ($2::varchar IS NULL OR language = $2) RETURNING storage_key`,
      [awardId, language, reason],
    );
    return rows.map((row) => row.storage_key);
  }

  async insert(manager: EntityManager, row: Pick<CertificateRow, 'code' | 'awardId' | 'editionId' | 'language' | 'storageKey' | 'size' | 'sha256' | 'fingerprint'>): Promise<void> {
    await manager.query(
      `INSERT INTO certificate (code, award_id, edition_id, language, storage_key, size, sha256, fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.code, row.awardId, row.editionId, row.language, row.storageKey, row.size, row.sha256, row.fingerprint],
    );
  }

  async byCode(manager: EntityManager, code: string): Promise<CertificateRow | undefined> {
    const [row] = await queryRows<CertificateRow>(
      manager,
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificate c JOIN edition e ON e.id = c.edition_id WHERE c.code = $1`,
      [code],
    );
    return row;
  }

  /** Every certificate of the award, in force first, newest first (the coordinator's view). */
  ofAward(manager: EntityManager, awardId: string): Promise<CertificateRow[]> {
    return queryRows(
      manager,
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificate c JOIN edition e ON e.id = c.edition_id
        WHERE c.award_id = $1 ORDER BY (c.revoked_at IS NULL) DESC, c.created_at DESC, c.language`,
      [awardId],
    );
  }

  /** The payload of an outbox event that may ask for certificates, unless it was fully processed. */
  async pendingEvent(manager: EntityManager, outboxId: string): Promise<{ type: string; payload: Record<string, unknown> } | undefined> {
    const [row] = await queryRows<{ type: string; payload: Record<string, unknown> }>(
      manager,
      `SELECT type, payload FROM outbox_event WHERE id = $1 AND processed_at IS NULL`,
      [outboxId],
    );
    return row;
  }
}
