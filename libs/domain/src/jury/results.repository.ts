// Every statement on scores for the jury's results, agreement and export, computed in PostgreSQL
// and read raw (the methods and which scores count: results.service.ts). What "conflicted" means
// is defined once, in conflicts.access.ts. The SQL constants are also run by the benchmark (P3).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { conflictedSql, visibleToSql } from './conflicts.access';
import { CRITERIA, CRITERION_COLUMN } from './criteria';
import { ScoreCsvRow } from './csv';
import { ResultMethod, ResultRow } from './dto/jury.dto';
import { UnitMoments } from './krippendorff';

/** Counted scores of edition $1 with their weighted value v (no category filter here). */
export const COUNTED_SCORES_SQL = `
  counted AS (
    SELECT s.practice_id, s.juror_id,
           s.comprehensiveness AS c1, s.long_term AS c2, s.government_engagement AS c3, s.effectiveness AS c4,
           (s.comprehensiveness * (e.scoring_weights->>'comprehensiveness')::float8
            + s.long_term * (e.scoring_weights->>'longTerm')::float8
            + s.government_engagement * (e.scoring_weights->>'governmentEngagement')::float8
            + s.effectiveness * (e.scoring_weights->>'effectiveness')::float8)
           / NULLIF((e.scoring_weights->>'comprehensiveness')::float8 + (e.scoring_weights->>'longTerm')::float8
                    + (e.scoring_weights->>'governmentEngagement')::float8 + (e.scoring_weights->>'effectiveness')::float8, 0) AS v
      FROM score s
      JOIN edition e ON e.id = s.edition_id
      JOIN practice p ON p.id = s.practice_id AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
      JOIN report r ON r.id = p.report_id
      JOIN role_grant g ON g.user_id = s.juror_id AND g.role = 'juror' AND g.edition_id = s.edition_id
     WHERE s.edition_id = $1
       AND NOT ${conflictedSql('s.juror_id', 's.practice_id', 's.edition_id', 'r.city_id')}
  )`;

const METHOD_VALUE: Record<ResultMethod, string> = {
  mean: `v`,
  median: `v`,
  zscore: `CASE WHEN stddev_pop(v) OVER juror > 0 THEN (v - avg(v) OVER juror) / stddev_pop(v) OVER juror ELSE 0 END`,
  borda: `CASE WHEN count(*) OVER juror > 1
               THEN ((rank() OVER (PARTITION BY juror_id ORDER BY v) - 1) + (count(*) OVER (PARTITION BY juror_id, v) - 1) / 2.0)
                    / (count(*) OVER juror - 1)
               ELSE 0.5 END`,
};

/** The results query of a method: $1 edition, $2 category (or null), $3 viewer (null: everything). Also used by the benchmark. */
export function resultsSql(method: ResultMethod): string {
  const aggregate = method === 'median' ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)` : `avg(x)`;
  return `
    WITH ${COUNTED_SCORES_SQL},
    valued AS (
      SELECT practice_id, juror_id, v, c1, c2, c3, c4, ${METHOD_VALUE[method]} AS x
        FROM counted WINDOW juror AS (PARTITION BY juror_id)
    ),
    per_practice AS (
      SELECT practice_id, ${aggregate} AS score, count(*)::int AS n,
             avg(c1) AS c1, avg(c2) AS c2, avg(c3) AS c3, avg(c4) AS c4, stddev_samp(v) AS sd
        FROM valued GROUP BY practice_id
    )
    SELECT p.id AS "practiceId", r.city_id AS "cityId", c.name AS "cityName", p.title,
           round(pp.score::numeric, 6)::float8 AS score,
           -- Ranked on the rounded score, so equal scores tie whatever the floating-point noise.
           rank() OVER (ORDER BY round(pp.score::numeric, 6) DESC NULLS LAST)::int AS rank,
           COALESCE(pp.n, 0) AS n,
           json_build_object('comprehensiveness', round(pp.c1::numeric, 6)::float8, 'longTerm', round(pp.c2::numeric, 6)::float8,
                             'governmentEngagement', round(pp.c3::numeric, 6)::float8, 'effectiveness', round(pp.c4::numeric, 6)::float8) AS "perCriterion",
           round(pp.sd::numeric, 6)::float8 AS stddev
      FROM practice p
      JOIN report r ON r.id = p.report_id
      JOIN city c ON c.id = r.city_id
      LEFT JOIN per_practice pp ON pp.practice_id = p.id
     WHERE r.edition_id = $1 AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
       AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id AND pc.category_id = $2))
       AND ${visibleToSql('$3', 'p.id', 'r.edition_id', 'r.city_id')}
     ORDER BY rank, c.name, p.title`;
}

const AGREEMENT_VALUES = ['v', 'c1', 'c2', 'c3', 'c4'];

/** Per-practice moments of the counted scores of edition $1, one row. Also used by the benchmark. */
export const AGREEMENT_SQL = `WITH ${COUNTED_SCORES_SQL},
       units AS (
         SELECT practice_id, count(*)::int AS m,
                ${AGREEMENT_VALUES.map((x) => `sum(${x})::float8 AS s_${x}, sum(${x} * ${x})::float8 AS ss_${x}`).join(', ')}
           FROM counted GROUP BY practice_id
       )
       SELECT (SELECT count(DISTINCT juror_id)::int FROM counted) AS jurors, count(*)::int AS practices,
              ${AGREEMENT_VALUES.map((x) => `COALESCE(json_agg(json_build_object('m', m, 'sum', s_${x}, 'sumSquares', ss_${x})), '[]') AS "${x}"`).join(', ')}
         FROM units`;

export type AgreementRow = { jurors: number; practices: number } & Record<string, UnitMoments[]>;

@Injectable()
export class ResultsRepository {
  /** viewer: the juror whose conflicted practices are left out, or null (a coordinator) for all. */
  results(manager: EntityManager, editionId: string, method: ResultMethod, categoryId: string | null, viewer: string | null): Promise<ResultRow[]> {
    return queryRows(manager, resultsSql(method), [editionId, categoryId, viewer]);
  }

  async agreementRow(manager: EntityManager, editionId: string): Promise<AgreementRow> {
    const [row] = await queryRows<AgreementRow>(manager, AGREEMENT_SQL, [editionId]);
    return row;
  }

  /** The next `limit` scores of the edition after score id `after`, in id order (keyset pagination). */
  scoreExportBatch(manager: EntityManager, editionId: string, after: string, limit = 2000): Promise<(ScoreCsvRow & { id: string })[]> {
    return queryRows(
      manager,
      `SELECT s.id, e.year, s.practice_id, p.title, c.name AS city, s.juror_id, u.name AS juror, s.comment, s.updated_at,
              json_build_object(${CRITERIA.map((k) => `'${k}', s.${CRITERION_COLUMN[k]}`).join(', ')}) AS values,
              (g.id IS NOT NULL AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
               AND NOT ${conflictedSql('s.juror_id', 's.practice_id', 's.edition_id', 'r.city_id')}) AS counted
         FROM score s JOIN edition e ON e.id = s.edition_id JOIN practice p ON p.id = s.practice_id
         JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = s.juror_id
         LEFT JOIN role_grant g ON g.user_id = s.juror_id AND g.role = 'juror' AND g.edition_id = s.edition_id
        WHERE s.edition_id = $1 AND s.id > $2
        ORDER BY s.id LIMIT $3`,
      [editionId, after, limit],
    );
  }
}
