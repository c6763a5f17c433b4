// The public read side: published editions with their ceremony, their awards, and the catalogue
// of distinguished practices across editions, searchable in Polish without diacritics.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@app/core';
import { CatalogueQuery, PublicAwardsView, PublicEditionView, PublicPracticeDetail, PublicPracticePage, PublicPracticeView } from '../decisions/dto/decisions.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A search text as a tsquery of word prefixes, a light stand-in for Polish stemming (PostgreSQL
 * has none): each word keeps at least 4 letters and drops up to 2 of its ending, so "studia"
 * finds "studiów" and "studentów" does not need to match "studia". Only letters and digits pass.
 */
export function prefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `${word.length > 5 ? word.slice(0, Math.max(4, word.length - 2)) : word}:*`).join(' & ');
}

const PUBLIC_EDITION = `
  SELECT e.year, e.name,
         CASE WHEN e.ceremony_starts_at IS NULL THEN NULL
              ELSE json_build_object('startsAt', e.ceremony_starts_at, 'venue', e.ceremony_venue, 'city', e.ceremony_city) END AS ceremony,
         (SELECT max(at) FROM edition_stage_event WHERE edition_id = e.id AND to_stage = 'published') AS "publishedAt"
    FROM edition e WHERE e.stage = 'published'`;

@Injectable()
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  editions(): Promise<PublicEditionView[]> {
    return this.dataSource.query(`${PUBLIC_EDITION} ORDER BY e.year DESC`);
  }

  async awards(year: number): Promise<PublicAwardsView> {
    const [edition]: PublicEditionView[] = await this.dataSource.query(`${PUBLIC_EDITION} AND e.year = $1`, [year]);
    if (!edition) throw new NotFoundError('Published edition');
    const awards = await this.dataSource.query(
      `SELECT a.id, json_build_object('id', c.id, 'name', c.name) AS city, a.recipient_unit AS "recipientUnit",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name, 'translations', cat.translations) ORDER BY cat.position, cat.name)
                          FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.position, p.title)
                          FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices,
              a.citation
         FROM award a JOIN city c ON c.id = a.city_id JOIN edition e ON e.id = a.edition_id
        WHERE e.year = $1 AND e.stage = 'published'
        ORDER BY a.position, a.created_at`,
      [year],
    );
    return { edition, awards };
  }

  async practices(query: CatalogueQuery): Promise<PublicPracticePage> {
    const tsquery = query.q ? prefixQuery(query.q) : null;
    const cityId = query.city && UUID.test(query.city) ? query.city : null;
    const cityName = query.city && !cityId ? query.city : null;
    const categoryId = query.category && UUID.test(query.category) ? query.category : null;
    const categoryName = query.category && !categoryId ? query.category : null;
    const rows: (PublicPracticeView & { total: string; relevance: number })[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.description, p.recipient_units AS "recipientUnits",
              json_build_object('id', c.id, 'name', c.name) AS city, e.year, e.name AS "editionName",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position)
                          FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories,
              ${tsquery ? `ts_rank(p.search_vector, to_tsquery('oc_simple', $1))` : '0'} AS relevance,
              count(*) OVER () AS total
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
        WHERE e.stage = 'published' AND p.status = 'distinguished'
          AND ($1::text IS NULL OR p.search_vector @@ to_tsquery('oc_simple', $1))
          AND ($2::uuid IS NULL OR c.id = $2)
          AND ($3::text IS NULL OR lower(unaccent(c.name)) = lower(unaccent($3)))
          AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id AND pc.category_id = $4))
          AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM practice_category pc JOIN category cat ON cat.id = pc.category_id
                                             WHERE pc.practice_id = p.id AND lower(unaccent(cat.name)) = lower(unaccent($5))))
          AND ($6::int IS NULL OR e.year = $6)
        ORDER BY relevance DESC, e.year DESC, c.name, p.title
        LIMIT $7 OFFSET $8`,
      [tsquery, cityId, cityName, categoryId, categoryName, query.year ?? null, query.limit, query.offset],
    );
    const items = rows.map(({ total: _total, relevance: _relevance, ...item }) => item);
    return { items, total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** One published practice with its distinctions and the follow-ups later editions' reports gave them. */
  async practice(practiceId: string): Promise<PublicPracticeDetail> {
    const [practice]: PublicPracticeDetail[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.description, p.recipient_units AS "recipientUnits", p.links, to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
              json_build_object('id', c.id, 'name', c.name) AS city, e.year, e.name AS "editionName",
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position)
                          FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', a.id, 'recipientUnit', a.recipient_unit, 'citation', a.citation) ORDER BY a.position)
                          FROM award_practice ap JOIN award a ON a.id = ap.award_id WHERE ap.practice_id = p.id), '[]') AS awards,
              COALESCE((SELECT json_agg(json_build_object('year', le.year, 'status', f.status, 'assessment', f.assessment, 'awardId', f.award_id) ORDER BY le.year)
                          FROM award_practice ap JOIN follow_up f ON f.award_id = ap.award_id
                          JOIN report lr ON lr.id = f.report_id JOIN edition le ON le.id = lr.edition_id
                         WHERE ap.practice_id = p.id AND le.stage = 'published'), '[]') AS "followUps"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id
        WHERE p.id = $1 AND e.stage = 'published' AND p.status = 'distinguished'`,
      [practiceId],
    );
    if (!practice) throw new NotFoundError('Practice');
    return practice;
  }
}
