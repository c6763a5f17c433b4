// Jury results, agreement and the score export, computed in PostgreSQL and read raw.
//
// Which scores count: those of the edition's jurors on its eligible (later distinguished or not)
// practices, except a juror's scores on practices they are conflicted with (conflictedSql: declared,
// or a tie to the practice's city) — even if such a score exists.
//
// What a juror reads: the same results, computed on every counted score, without the rows of the
// practices that juror is conflicted with (ranked among the rows shown); coordinators read all.
//
// Methods (each juror's weighted score v = Σ w_c·criterion_c / Σ w_c):
//   mean    practice score = mean of v over its jurors
//   median  median of v
//   zscore  each juror's v standardised over that juror's own counted scores ((v - mean_j) / sd_j,
//           population sd; 0 when the juror's scores do not vary), then averaged per practice
//   borda   each juror ranks their practices by v; a practice gets the number of that juror's
//           practices it beats plus half of those it ties, divided by (n_j - 1) so ballots of
//           different sizes weigh the same (0.5 for a one-practice ballot); averaged per practice
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflictedSql, visibleToSql } from './conflicts.access';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { CRITERIA, CRITERION_COLUMN, Criterion } from './criteria';
import { AgreementView, ResultMethod, ResultRow, ResultsView } from './dto/jury.dto';
import { alphaFromMoments, AlphaResult, UnitMoments } from './krippendorff';

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

/** Krippendorff's alpha overall and per criterion from the row of AGREEMENT_SQL. */
export function agreementFromRow(row: AgreementRow): AgreementView {
  const moments = (key: string) => row[key] as unknown as UnitMoments[];
  const perCriterion = Object.fromEntries(CRITERIA.map((criterion, i) => [criterion, alphaFromMoments(moments(`c${i + 1}`))])) as Record<Criterion, AlphaResult>;
  return { overall: alphaFromMoments(moments('v')), perCriterion, jurors: row.jurors, practices: row.practices };
}

@Injectable()
export class ResultsService {
  constructor(private readonly dataSource: DataSource) {}

  /** viewer: the juror whose conflicted practices are left out, or null (a coordinator) for all. */
  async results(editionId: string, method: ResultMethod, categoryId: string | null, minScores: number, viewer: string | null = null): Promise<ResultsView> {
    const items: ResultRow[] = await this.dataSource.query(resultsSql(method), [editionId, categoryId, viewer]);
    const flagged = items.filter((item) => item.n < minScores).map((item) => ({ practiceId: item.practiceId, n: item.n }));
    return { method, categoryId, items, coverage: { minScores, complete: items.length - flagged.length, flagged } };
  }

  /** Krippendorff's alpha (interval): units are practices, coders jurors, over the counted scores. */
  async agreement(editionId: string): Promise<AgreementView> {
    const [row]: AgreementRow[] = await this.dataSource.query(AGREEMENT_SQL, [editionId]);
    return agreementFromRow(row);
  }

  /** RFC 4180 CSV of every score, one line per juror × practice × criterion, streamed in batches. */
  async *scoresCsv(editionId: string): AsyncGenerator<string> {
    yield 'edition_year,practice_id,practice_title,city,juror_id,juror_name,criterion,value,counted,comment,updated_at\r\n';
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: {
        id: string;
        year: number;
        practice_id: string;
        title: string;
        city: string;
        juror_id: string;
        juror: string;
        counted: boolean;
        comment: string | null;
        updated_at: Date;
        values: Record<string, number>;
      }[] = await this.dataSource.query(
        `SELECT s.id, e.year, s.practice_id, p.title, c.name AS city, s.juror_id, u.name AS juror, s.comment, s.updated_at,
                json_build_object(${CRITERIA.map((k) => `'${k}', s.${CRITERION_COLUMN[k]}`).join(', ')}) AS values,
                (g.id IS NOT NULL AND p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}
                 AND NOT ${conflictedSql('s.juror_id', 's.practice_id', 's.edition_id', 'r.city_id')}) AS counted
           FROM score s JOIN edition e ON e.id = s.edition_id JOIN practice p ON p.id = s.practice_id
           JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = s.juror_id
           LEFT JOIN role_grant g ON g.user_id = s.juror_id AND g.role = 'juror' AND g.edition_id = s.edition_id
          WHERE s.edition_id = $1 AND s.id > $2
          ORDER BY s.id LIMIT 2000`,
        [editionId, after],
      );
      if (rows.length === 0) return;
      let chunk = '';
      for (const row of rows) {
        for (const criterion of CRITERIA) {
          chunk += [row.year, row.practice_id, row.title, row.city, row.juror_id, row.juror, criterion, row.values[criterion], row.counted, row.comment ?? '', row.updated_at.toISOString()]
            .map(csvField)
            .join(',') + '\r\n';
        }
      }
      yield chunk;
      after = rows[rows.length - 1].id;
    }
  }
}

/**
 * RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  let text = String(value ?? '');
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
