// Statements on idempotency_key: claim a key for a request, read what it holds, store the answer.
import { DataSource } from 'typeorm';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim without an answer after this long is taken to be lost (its process died) and may be claimed again. */
const ABANDONED_CLAIM_SECONDS = 120;

export interface StoredKey {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request; false when it is held (answered, or being answered). */
  async claim(principalId: string, key: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (principal_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       ON CONFLICT (principal_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_key.expires_at <= now()
          OR (idempotency_key.response_status IS NULL AND idempotency_key.created_at < now() - make_interval(secs => $5))
       RETURNING 1`,
      [principalId, key, requestHash, IDEMPOTENCY_TTL_HOURS, ABANDONED_CLAIM_SECONDS],
    );
    return rows.length === 1;
  }

  async find(principalId: string, key: string): Promise<StoredKey | null> {
    const [row]: StoredKey[] = await this.dataSource.query(
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_key WHERE principal_id = $1 AND key = $2 AND expires_at > now()`,
      [principalId, key],
    );
    return row ?? null;
  }

  async saveAnswer(principalId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET response_status = $3, response_body = $4::jsonb WHERE principal_id = $1 AND key = $2`,
      [principalId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request leaves the key free, so the client may retry it (failures are not replayed). */
  async release(principalId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE principal_id = $1 AND key = $2 AND response_status IS NULL`, [principalId, key]);
  }

  /** Drops expired keys (called now and then by the interceptor; cheap with the expiry index). */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE expires_at <= now()`);
  }
}
