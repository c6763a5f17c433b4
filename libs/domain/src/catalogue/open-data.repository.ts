// The reads behind the open-data downloads: every published practice with its distinctions and
// follow-ups, and the published editions and awards for the Atom feed. Each statement carries the
// public rule of catalogue.access.ts, so nothing of an unpublished edition leaves.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { PUBLISHED_EDITION_SQL, PUBLISHED_PRACTICE_SQL } from './catalogue.access';
import type { FeedAward, FeedEdition, OpenDataPractice } from './open-data';

const PUBLISHED_AT = (e: string) =>
  `COALESCE((SELECT max(at) FROM edition_stage_event WHERE edition_id = ${e}.id AND to_stage = 'published'), ${e}.updated_at)`;

@Injectable()
export class OpenDataRepository {
  /** Every distinguished practice of a published edition, newest edition first (links are added by the service). */
  practices(manager: EntityManager): Promise<Omit<OpenDataPractice, 'links'>[]> {
    return queryRows(
      manager,
      `SELECT p.id, p.title, p.description, p.recipient_units AS "recipientUnits",
              json_build_object('id', c.id, 'name', c.name) AS city, e.year, e.name AS "editionName",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position, cat.name)
                          FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', a.id, 'recipientUnit', a.recipient_unit, 'citation', a.citation) ORDER BY a.position)
                          FROM award_practice ap JOIN award a ON a.id = ap.award_id WHERE ap.practice_id = p.id), '[]') AS distinctions,
              COALESCE((SELECT json_agg(json_build_object('year', le.year, 'status', COALESCE(fp.status, f.status)) ORDER BY le.year)
                          FROM award_practice ap JOIN follow_up f ON f.award_id = ap.award_id
                          LEFT JOIN follow_up_practice fp ON fp.follow_up_id = f.id AND fp.practice_id = ap.practice_id
                          JOIN report lr ON lr.id = f.report_id JOIN edition le ON le.id = lr.edition_id
                         WHERE ap.practice_id = p.id AND ${PUBLISHED_EDITION_SQL('le')}), '[]') AS "followUps"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
        WHERE ${PUBLISHED_PRACTICE_SQL('p', 'e')}
        ORDER BY e.year DESC, c.name, p.position, p.title, p.id`,
    );
  }

  feedEditions(manager: EntityManager): Promise<FeedEdition[]> {
    return queryRows(
      manager,
      `SELECT e.year, e.name, ${PUBLISHED_AT('e')} AS "publishedAt",
              (SELECT count(*)::int FROM award a WHERE a.edition_id = e.id) AS "awardCount",
              CASE WHEN e.ceremony_starts_at IS NULL AND e.ceremony_venue IS NULL AND e.ceremony_city IS NULL THEN NULL
                   ELSE json_build_object('startsAt', e.ceremony_starts_at, 'venue', e.ceremony_venue, 'city', e.ceremony_city) END AS ceremony
         FROM edition e WHERE ${PUBLISHED_EDITION_SQL('e')}
        ORDER BY e.year DESC`,
    );
  }

  feedAwards(manager: EntityManager): Promise<FeedAward[]> {
    return queryRows(
      manager,
      `SELECT a.id, e.year, e.name AS "editionName", c.name AS city, a.recipient_unit AS "recipientUnit", a.citation,
              COALESCE((SELECT json_agg(cat.name ORDER BY cat.position, cat.name)
                          FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              COALESCE((SELECT json_agg(p.title ORDER BY p.position, p.title)
                          FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices,
              ${PUBLISHED_AT('e')} AS "publishedAt", a.updated_at AS "updatedAt"
         FROM award a JOIN edition e ON e.id = a.edition_id JOIN city c ON c.id = a.city_id
        WHERE ${PUBLISHED_EDITION_SQL('e')}
        ORDER BY e.year DESC, a.position`,
    );
  }
}
