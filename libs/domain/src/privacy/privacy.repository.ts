// People's data across the domains: what a person may download about themselves, and the erasure
// that replaces their name and e-mail by a pseudonym wherever the platform copied them (deliveries,
// audit details, stored answers, outbox payloads) while keeping their scores and reports, so results
// do not change. One domain owns this on purpose: erasure must reach every table at once.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';

export interface PersonRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: string;
  created_at: Date;
  erased_at: Date | null;
}

/** Everything about one person, gathered in one statement as JSON arrays. */
export interface PersonalDataRow {
  grants: unknown[];
  reports: unknown[];
  scores: unknown[];
  conflicts: unknown[];
  notes: unknown[];
  practiceComments: unknown[];
  awardVotes: unknown[];
  notifications: unknown[];
  sessions: unknown[];
  activity: unknown[];
}

/**
 * Where the platform copies a person's name or e-mail, and how a row is tied to the person (the
 * name is replaced only in rows about them: their id or e-mail in it; the e-mail wherever it is).
 */
const COPIES = [
  { table: 'notification_delivery', columns: ['email', 'subject', 'last_error', 'context'], tie: 'user_id = $5' },
  { table: 'audit_event', columns: ['details'], tie: "actor_id = $5 OR object_id = $5::text OR details::text LIKE '%' || $5::text || '%'" },
  { table: 'idempotency_key', columns: ['response_body'], tie: "principal_id = $5 OR response_body::text LIKE '%' || $5::text || '%'" },
  { table: 'outbox_event', columns: ['payload'], tie: "payload::text LIKE '%' || $5::text || '%'" },
] as const;

const JSON_COLUMNS = new Set(['context', 'details', 'response_body', 'payload']);

@Injectable()
export class PrivacyRepository {
  async lockPerson(manager: EntityManager, userId: string): Promise<PersonRow | undefined> {
    const [row] = await queryRows<PersonRow>(manager, `SELECT id, email, name, locale, status, created_at, erased_at FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
    return row;
  }

  async person(manager: EntityManager, userId: string): Promise<PersonRow | undefined> {
    const [row] = await queryRows<PersonRow>(manager, `SELECT id, email, name, locale, status, created_at, erased_at FROM app_user WHERE id = $1`, [userId]);
    return row;
  }

  /** Editions (not yet decided) in which the person holds a grant: erasure waits for them. */
  async openEditionGrants(manager: EntityManager, userId: string): Promise<{ year: number; role: string }[]> {
    return queryRows(
      manager,
      `SELECT e.year, g.role FROM role_grant g JOIN edition e ON e.id = g.edition_id
        WHERE g.user_id = $1 AND e.stage NOT IN ('decided', 'published') ORDER BY e.year, g.role`,
      [userId],
    );
  }

  async personalData(manager: EntityManager, userId: string): Promise<PersonalDataRow> {
    const [row] = await queryRows<PersonalDataRow>(
      manager,
      `SELECT
         (SELECT COALESCE(json_agg(json_build_object('role', g.role, 'editionYear', e.year, 'city', c.name, 'countryOfOrigin', g.country_of_origin,
                   'languages', g.languages, 'grantedAt', g.created_at) ORDER BY g.created_at), '[]')
            FROM role_grant g LEFT JOIN edition e ON e.id = g.edition_id LEFT JOIN city c ON c.id = g.city_id WHERE g.user_id = $1) AS grants,
         (SELECT COALESCE(json_agg(json_build_object('editionYear', e.year, 'city', c.name, 'status', r.status, 'summary', r.summary,
                   'createdAt', r.created_at, 'submittedAt', r.submitted_at,
                   'practices', (SELECT COALESCE(json_agg(json_build_object('title', p.title, 'description', p.description, 'status', p.status) ORDER BY p.created_at), '[]')
                                   FROM practice p WHERE p.report_id = r.id)) ORDER BY e.year), '[]')
            FROM report r JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
           WHERE r.created_by = $1 OR r.submitted_by = $1) AS reports,
         (SELECT COALESCE(json_agg(json_build_object('editionYear', e.year, 'practice', p.title, 'comprehensiveness', s.comprehensiveness,
                   'longTerm', s.long_term, 'governmentEngagement', s.government_engagement, 'effectiveness', s.effectiveness,
                   'comment', s.comment, 'updatedAt', s.updated_at) ORDER BY s.updated_at), '[]')
            FROM score s JOIN edition e ON e.id = s.edition_id JOIN practice p ON p.id = s.practice_id WHERE s.juror_id = $1) AS scores,
         (SELECT COALESCE(json_agg(json_build_object('practice', p.title, 'reason', k.reason, 'declaredAt', k.declared_at) ORDER BY k.declared_at), '[]')
            FROM conflict_of_interest k JOIN practice p ON p.id = k.practice_id WHERE k.juror_id = $1) AS conflicts,
         (SELECT COALESCE(json_agg(json_build_object('editionYear', e.year, 'text', n.text, 'createdAt', n.created_at) ORDER BY n.created_at), '[]')
            FROM deliberation_note n JOIN edition e ON e.id = n.edition_id WHERE n.author_id = $1) AS notes,
         (SELECT COALESCE(json_agg(json_build_object('practice', p.title, 'body', pc.body, 'createdAt', pc.created_at, 'editedAt', pc.edited_at) ORDER BY pc.created_at), '[]')
            FROM practice_comment pc JOIN practice p ON p.id = pc.practice_id WHERE pc.author_id = $1) AS "practiceComments",
         (SELECT COALESCE(json_agg(json_build_object('awardId', v.award_id, 'choice', v.choice, 'updatedAt', v.updated_at) ORDER BY v.updated_at), '[]')
            FROM award_vote v WHERE v.juror_id = $1) AS "awardVotes",
         (SELECT COALESCE(json_agg(json_build_object('template', d.template, 'subject', d.subject, 'status', d.status, 'email', d.email,
                   'createdAt', d.created_at, 'sentAt', d.sent_at) ORDER BY d.created_at), '[]')
            FROM notification_delivery d WHERE d.user_id = $1) AS notifications,
         (SELECT COALESCE(json_agg(json_build_object('createdAt', s.created_at, 'expiresAt', s.expires_at, 'revokedAt', s.revoked_at,
                   'revokedReason', s.revoked_reason, 'ip', s.ip) ORDER BY s.created_at), '[]')
            FROM auth_session s WHERE s.user_id = $1) AS sessions,
         (SELECT COALESCE(json_agg(json_build_object('at', a.at, 'action', a.action, 'objectType', a.object_type, 'objectId', a.object_id,
                   'outcome', a.outcome, 'ip', a.ip) ORDER BY a.at DESC), '[]')
            FROM (SELECT * FROM audit_event WHERE actor_id = $1 ORDER BY at DESC LIMIT 1000) a) AS activity`,
      [userId],
    );
    return row;
  }

  /**
   * Replaces the person's name and e-mail by the pseudonym in the account and in every copy, ends
   * their sessions and tokens, and clears what a juror told about themselves. Scores, reports,
   * notes and grants stay, tied to the same id, so every result is unchanged.
   */
  async erase(manager: EntityManager, person: PersonRow, pseudonym: { name: string; email: string }): Promise<void> {
    await manager.query(
      `UPDATE app_user SET name = $2, email = $3, password_hash = NULL, status = 'disabled', erased_at = now(), updated_at = now() WHERE id = $1`,
      [person.id, pseudonym.name, pseudonym.email],
    );
    await manager.query(`DELETE FROM auth_session WHERE user_id = $1`, [person.id]);
    await manager.query(`DELETE FROM one_time_token WHERE user_id = $1`, [person.id]);
    await manager.query(`UPDATE role_grant SET country_of_origin = NULL, languages = NULL WHERE user_id = $1`, [person.id]);
    // The audit log's append-only trigger lets this transaction's rewrite through, and only it.
    await manager.query(`SELECT set_config('open_cities.erasure', 'on', true)`);
    for (const { table, columns, tie } of COPIES) {
      for (const column of columns) {
        // In JSON the values appear escaped: match and replace the escaped forms, then parse back.
        const json = JSON_COLUMNS.has(column);
        const text = json ? `${column}::text` : column;
        const replaced = `regexp_replace(regexp_replace(${text}, $1, $2, 'gi'), $3, $4, 'g')`;
        const form = (value: string) => escapeRegExp(json ? jsonInner(value) : value);
        await manager.query(
          `UPDATE ${table} SET ${column} = ${json ? `(${replaced})::jsonb` : replaced}
            WHERE ${text} ~* $1 OR ((${tie}) AND ${text} ~ $3)`,
          [form(person.email), json ? jsonInner(pseudonym.email) : pseudonym.email, form(person.name), json ? jsonInner(pseudonym.name) : pseudonym.name, person.id],
        );
      }
    }
  }
}

/** A string as it appears inside a JSON document (escaped, without the quotes). */
function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
