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
import { CRITERIA, Criterion } from './criteria';
import { SCORE_CSV_HEADER, scoreCsvLines, ScoreCsvRow } from './csv';
import { AgreementView, BallotLanguage, ResultMethod, ResultsView } from './dto/jury.dto';
import { alphaFromMoments, AlphaResult, UnitMoments } from './krippendorff';
import { peopleCsv, resultsWorkbook, scoresTable } from './results-export';
import { AgreementRow, ResultsRepository } from './results.repository';

/** Krippendorff's alpha overall and per criterion from the row of AGREEMENT_SQL. */
export function agreementFromRow(row: AgreementRow): AgreementView {
  const moments = (key: string) => row[key] as unknown as UnitMoments[];
  const perCriterion = Object.fromEntries(CRITERIA.map((criterion, i) => [criterion, alphaFromMoments(moments(`c${i + 1}`))])) as Record<Criterion, AlphaResult>;
  return { overall: alphaFromMoments(moments('v')), perCriterion, jurors: row.jurors, practices: row.practices };
}

@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ResultsRepository,
  ) {}

  /** viewer: the juror whose conflicted practices are left out, or null (a coordinator) for all. */
  async results(editionId: string, method: ResultMethod, categoryId: string | null, minScores: number, viewer: string | null = null): Promise<ResultsView> {
    const items = await this.repository.results(this.dataSource.manager, editionId, method, categoryId, viewer);
    const flagged = items.filter((item) => item.n < minScores).map((item) => ({ practiceId: item.practiceId, n: item.n }));
    return { method, categoryId, items, coverage: { minScores, complete: items.length - flagged.length, flagged } };
  }

  /** Krippendorff's alpha (interval): units are practices, coders jurors, over the counted scores. */
  async agreement(editionId: string): Promise<AgreementView> {
    return agreementFromRow(await this.repository.agreementRow(this.dataSource.manager, editionId));
  }

  /** RFC 4180 CSV of every score, one line per juror × practice × criterion, streamed in batches. */
  async *scoresCsv(editionId: string): AsyncGenerator<string> {
    yield SCORE_CSV_HEADER;
    for await (const rows of this.scoreBatches(editionId)) yield scoreCsvLines(rows);
  }

  /** The ranking and the raw scores as an XLSX workbook for people (names, their language, local times). */
  async resultsXlsx(editionId: string, method: ResultMethod, categoryId: string | null, lang: BallotLanguage): Promise<Buffer> {
    const { items } = await this.results(editionId, method, categoryId, 1);
    return resultsWorkbook({ method, items, scores: await this.allScores(editionId), lang });
  }

  /** The workbook's score sheet as CSV for spreadsheets (UTF-8 with BOM). */
  async scoresCsvForPeople(editionId: string, lang: BallotLanguage): Promise<string> {
    return peopleCsv(scoresTable(await this.allScores(editionId), lang));
  }

  private async allScores(editionId: string): Promise<ScoreCsvRow[]> {
    const all: ScoreCsvRow[] = [];
    for await (const rows of this.scoreBatches(editionId)) all.push(...rows);
    return all.sort((a, b) => a.city.localeCompare(b.city, 'pl') || a.title.localeCompare(b.title, 'pl') || a.juror.localeCompare(b.juror, 'pl'));
  }

  private async *scoreBatches(editionId: string): AsyncGenerator<ScoreCsvRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.repository.scoreExportBatch(this.dataSource.manager, editionId, after);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }
}
