// Every statement on the city table, and the reads of a city's status page across editions. The
// status page's reads are named prepared statements (queryPrepared): an official's page is read
// often, and PostgreSQL then plans each once per connection (planning was ~0.9 ms of the ~2 ms of
// backend CPU of the page's five reads on the bench data; execution ~0.4 ms).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '@app/core';
import { CityView } from '../editions/dto/edition.dto';
import { EditionStage } from '../editions/edition-stage';
import { PRACTICE_SELECT } from '../practices/practices.sql';
import { certificatesJsonSql } from '../certificates/certificates.repository';
import { CityStatusAward, PracticeView } from '../reports/dto/report.dto';
import { ReportStatus } from '../reports/report.entity';

export interface CityStatusEditionRow {
  id: string;
  year: number;
  name: string;
  stage: EditionStage;
}

export interface CityStatusReportRow {
  id: string;
  edition_id: string;
  status: ReportStatus;
  submitted_at: Date | null;
}

export type CityStatusPracticeRow = PracticeView & { submittedAt: Date | null; eligibilityDecidedAt: Date | null };

@Injectable()
export class CitiesRepository {
  /** Cities by name; q matches a part of the name regardless of case and Polish letters. */
  list(manager: EntityManager, limit: number, offset: number, q: string | null): Promise<(CityView & { total: string })[]> {
    return queryRows(
      manager,
      `SELECT id, name, region, count(*) OVER () AS total FROM city
        WHERE $3::text IS NULL OR lower(unaccent(name)) LIKE '%' || lower(unaccent($3)) || '%'
        ORDER BY name COLLATE "C" LIMIT $1 OFFSET $2`,
      [limit, offset, q],
    );
  }

  async insert(manager: EntityManager, city: { name: string; region: string | null }): Promise<CityView> {
    const [row] = await queryRows<CityView>(manager, `INSERT INTO city (name, region) VALUES ($1, $2) RETURNING id, name, region`, [city.name, city.region]);
    return row;
  }

  /** The cities whose name is `name` regardless of case and Polish letters (one, or several when only the letters tell them apart). */
  findByName(manager: EntityManager, name: string): Promise<CityView[]> {
    return queryRows<CityView>(
      manager,
      `SELECT id, name, region FROM city WHERE lower(unaccent(name)) = lower(unaccent($1)) ORDER BY (name = $1) DESC, name COLLATE "C"`,
      [name],
    );
  }

  async find(manager: EntityManager, cityId: string): Promise<CityView | undefined> {
    const [row] = await queryPrepared<CityView>(manager, 'city.find', `SELECT id, name, region FROM city WHERE id = $1`, [cityId]);
    return row;
  }

  /** The editions that have started (or the one asked for, if it has), newest first. */
  startedEditions(manager: EntityManager, editionId: string | null): Promise<CityStatusEditionRow[]> {
    return queryPrepared(manager, 'city.status.editions', `SELECT id, year, name, stage FROM edition WHERE stage <> 'draft' AND ($1::uuid IS NULL OR id = $1) ORDER BY year DESC`, [editionId]);
  }

  reports(manager: EntityManager, cityId: string): Promise<CityStatusReportRow[]> {
    return queryPrepared(manager, 'city.status.reports', `SELECT id, edition_id, status, submitted_at FROM report WHERE city_id = $1`, [cityId]);
  }

  /** The practices of the city's submitted reports, with the moments of their history. */
  submittedPractices(manager: EntityManager, cityId: string): Promise<CityStatusPracticeRow[]> {
    return queryPrepared(
      manager,
      'city.status.practices',
      `SELECT pv.*, r.submitted_at AS "submittedAt", p.eligibility_decided_at AS "eligibilityDecidedAt"
         FROM (${PRACTICE_SELECT} WHERE r.city_id = $1 AND r.status = 'submitted') pv
         JOIN practice p ON p.id = pv.id JOIN report r ON r.id = pv."reportId"
        ORDER BY pv.title`,
      [cityId],
    );
  }

  /** The city's distinctions of published editions. */
  publishedAwards(manager: EntityManager, cityId: string): Promise<(CityStatusAward & { editionId: string })[]> {
    return queryPrepared(
      manager,
      'city.status.awards',
      `SELECT a.edition_id AS "editionId", a.id, a.recipient_unit AS "recipientUnit", a.citation,
              COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name)) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title)) FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices,
              ${certificatesJsonSql('a')} AS certificates
         FROM award a JOIN edition e ON e.id = a.edition_id
        WHERE a.city_id = $1 AND e.stage = 'published' ORDER BY a.position`,
      [cityId],
    );
  }
}
