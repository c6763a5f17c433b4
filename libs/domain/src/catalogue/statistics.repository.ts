// The record across years, counted in PostgreSQL: distinctions per city and year, per category, and
// what the first later published edition's follow-up said of each. Published editions only.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { PUBLISHED_EDITION_SQL } from './catalogue.access';
import type { CategoryCount, CityYearCount, FollowUpCount } from './dto/open-data.dto';

// In each count, $1 is a city id, or NULL for every city.
@Injectable()
export class StatisticsRepository {
  cities(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return queryRows(
      manager,
      `SELECT c.id, c.name FROM city c
        WHERE EXISTS (SELECT 1 FROM award a JOIN edition e ON e.id = a.edition_id WHERE a.city_id = c.id AND ${PUBLISHED_EDITION_SQL('e')})
        ORDER BY c.name`,
    );
  }

  async cityExists(manager: EntityManager, cityId: string): Promise<boolean> {
    const rows = await queryRows(manager, 'SELECT 1 FROM city WHERE id = $1', [cityId]);
    return rows.length > 0;
  }

  byCityYear(manager: EntityManager, cityId: string | null): Promise<CityYearCount[]> {
    return queryRows(
      manager,
      `SELECT e.year, json_build_object('id', c.id, 'name', c.name) AS city, count(DISTINCT a.id)::int AS distinctions,
              count(DISTINCT ap.practice_id)::int AS practices
         FROM award a JOIN edition e ON e.id = a.edition_id JOIN city c ON c.id = a.city_id
         LEFT JOIN award_practice ap ON ap.award_id = a.id
        WHERE ${PUBLISHED_EDITION_SQL('e')} AND ($1::uuid IS NULL OR c.id = $1)
        GROUP BY e.year, c.id
        ORDER BY e.year, c.name`,
      [cityId],
    );
  }

  byCategory(manager: EntityManager, cityId: string | null): Promise<CategoryCount[]> {
    return queryRows(
      manager,
      `SELECT e.year, cat.id AS "categoryId", cat.name, cat.translations, count(DISTINCT a.id)::int AS distinctions
         FROM award a JOIN edition e ON e.id = a.edition_id
         JOIN award_category ac ON ac.award_id = a.id JOIN category cat ON cat.id = ac.category_id
        WHERE ${PUBLISHED_EDITION_SQL('e')} AND ($1::uuid IS NULL OR a.city_id = $1)
        GROUP BY e.year, cat.id
        ORDER BY e.year, cat.position, cat.name`,
      [cityId],
    );
  }

  /** Each distinction with the status the first later published edition's follow-up gave it ('none' without one), counted. */
  followUps(manager: EntityManager, cityId: string | null): Promise<FollowUpCount[]> {
    return queryRows(
      manager,
      `SELECT e.year AS "distinctionYear", later.year AS "followUpYear", json_build_object('id', c.id, 'name', c.name) AS city,
              COALESCE(later.status::text, 'none') AS status, count(*)::int AS distinctions
         FROM award a JOIN edition e ON e.id = a.edition_id JOIN city c ON c.id = a.city_id
         LEFT JOIN LATERAL (
               SELECT le.year, f.status
                 FROM follow_up f JOIN report lr ON lr.id = f.report_id JOIN edition le ON le.id = lr.edition_id
                WHERE f.award_id = a.id AND le.year > e.year AND ${PUBLISHED_EDITION_SQL('le')}
                ORDER BY le.year LIMIT 1) later ON true
        WHERE ${PUBLISHED_EDITION_SQL('e')} AND ($1::uuid IS NULL OR c.id = $1)
        GROUP BY e.year, later.year, c.id, COALESCE(later.status::text, 'none')
        ORDER BY e.year, c.name, later.year, status`,
      [cityId],
    );
  }
}
