// Every read of the public catalogue: published editions, their awards, distinguished practices.
// Only what is published is visible to the public: that rule (e.stage = 'published' and, for
// practices, status distinguished) is in each statement, as catalogue.access.ts states it.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { PublicAwardsView, PublicEditionView, PublicPracticeDetail, PublicPracticeView } from '../decisions/dto/decisions.dto';
import { certificatesJsonSql } from '../certificates/certificates.repository';
import { PUBLISHED_EDITION_SQL, PUBLISHED_PRACTICE_SQL } from './catalogue.access';

const PUBLIC_EDITION = `
  SELECT e.year, e.name,
         CASE WHEN e.ceremony_starts_at IS NULL THEN NULL
              ELSE json_build_object('startsAt', e.ceremony_starts_at, 'venue', e.ceremony_venue, 'city', e.ceremony_city) END AS ceremony,
         (SELECT max(at) FROM edition_stage_event WHERE edition_id = e.id AND to_stage = 'published') AS "publishedAt",
         CASE WHEN e.occasion IS NULL THEN NULL
              ELSE json_build_object('name', e.occasion, 'period', e.occasion_period, 'city', e.ceremony_city) END AS occasion,
         e.organisers
    FROM edition e WHERE ${PUBLISHED_EDITION_SQL('e')}`;

export interface CataloguePracticeFilter {
  tsquery: string | null;
  cityId: string | null;
  cityName: string | null;
  categoryId: string | null;
  categoryName: string | null;
  year: number | null;
  limit: number;
  offset: number;
}

@Injectable()
export class CatalogueRepository {
  editions(manager: EntityManager): Promise<PublicEditionView[]> {
    return queryRows(manager, `${PUBLIC_EDITION} ORDER BY e.year DESC`);
  }

  async edition(manager: EntityManager, year: number): Promise<PublicEditionView | undefined> {
    const [row] = await queryRows<PublicEditionView>(manager, `${PUBLIC_EDITION} AND e.year = $1`, [year]);
    return row;
  }

  awards(manager: EntityManager, year: number): Promise<PublicAwardsView['awards']> {
    return queryRows(
      manager,
      `SELECT a.id, json_build_object('id', c.id, 'name', c.name) AS city, a.recipient_unit AS "recipientUnit",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name, 'translations', cat.translations) ORDER BY cat.position, cat.name)
                          FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.position, p.title)
                          FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices,
              a.citation, a.received_by AS "receivedBy", ${certificatesJsonSql('a')} AS certificates
         FROM award a JOIN city c ON c.id = a.city_id JOIN edition e ON e.id = a.edition_id
        WHERE e.year = $1 AND ${PUBLISHED_EDITION_SQL('e')}
        ORDER BY a.position, a.created_at`,
      [year],
    );
  }

  practices(manager: EntityManager, filter: CataloguePracticeFilter): Promise<(PublicPracticeView & { total: string; relevance: number })[]> {
    return queryRows(
      manager,
      `SELECT p.id, p.title, p.description, p.recipient_units AS "recipientUnits",
              json_build_object('id', c.id, 'name', c.name) AS city, e.year, e.name AS "editionName",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position)
                          FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories,
              ${filter.tsquery ? `ts_rank(p.search_vector, to_tsquery('oc_simple', $1))` : '0'} AS relevance,
              count(*) OVER () AS total
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
        WHERE ${PUBLISHED_PRACTICE_SQL('p', 'e')}
          AND ($1::text IS NULL OR p.search_vector @@ to_tsquery('oc_simple', $1))
          AND ($2::uuid IS NULL OR c.id = $2)
          AND ($3::text IS NULL OR lower(unaccent(c.name)) = lower(unaccent($3)))
          AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id AND pc.category_id = $4))
          AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM practice_category pc JOIN category cat ON cat.id = pc.category_id
                                             WHERE pc.practice_id = p.id AND lower(unaccent(cat.name)) = lower(unaccent($5))))
          AND ($6::int IS NULL OR e.year = $6)
        ORDER BY relevance DESC, e.year DESC, c.name, p.title
        LIMIT $7 OFFSET $8`,
      [filter.tsquery, filter.cityId, filter.cityName, filter.categoryId, filter.categoryName, filter.year, filter.limit, filter.offset],
    );
  }

  /** One published practice with its distinctions and the follow-ups later editions' reports gave them. */
  async practice(manager: EntityManager, practiceId: string): Promise<PublicPracticeDetail | undefined> {
    const [row] = await queryRows<PublicPracticeDetail>(
      manager,
      `SELECT p.id, p.title, p.description, p.recipient_units AS "recipientUnits", p.links, to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
              json_build_object('id', c.id, 'name', c.name) AS city, e.year, e.name AS "editionName",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position)
                          FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', a.id, 'recipientUnit', a.recipient_unit, 'citation', a.citation) ORDER BY a.position)
                          FROM award_practice ap JOIN award a ON a.id = ap.award_id WHERE ap.practice_id = p.id), '[]') AS awards,
              COALESCE((SELECT json_agg(json_build_object('id', f.id, 'year', le.year, 'status', COALESCE(fp.status, f.status), 'assessment', f.assessment, 'awardId', f.award_id) ORDER BY le.year)
                          FROM award_practice ap JOIN follow_up f ON f.award_id = ap.award_id
                          LEFT JOIN follow_up_practice fp ON fp.follow_up_id = f.id AND fp.practice_id = ap.practice_id
                          JOIN report lr ON lr.id = f.report_id JOIN edition le ON le.id = lr.edition_id
                         WHERE ap.practice_id = p.id AND ${PUBLISHED_EDITION_SQL('le')}), '[]') AS "followUps"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
        WHERE p.id = $1 AND ${PUBLISHED_PRACTICE_SQL('p', 'e')}`,
      [practiceId],
    );
    return row;
  }
}
