// The jury stage over HTTP: ballots, scores, conflicts, progress, results, agreement, export.
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Authorize, CurrentPrincipal, Idempotent, Principal } from '@app/core';
import { AgreementView, BallotQuery, BallotView, conflictViewer, DeclareConflictDto, DeclaredConflictView, EditionConflictView, JurorProgressView, JuryService, MyScoreView, PutScoreDto, BALLOT_LANGUAGES, ResultsExportQuery, ResultsQuery, ResultsService, ResultsView } from '@app/domain';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('jury stage')
@Controller()
export class JuryController {
  constructor(private readonly jury: JuryService, private readonly results: ResultsService) {}

  @Authorize('edition.ballot.read')
  @Get('editions/:id/ballot')
  @ApiOperation({ summary: 'The juror’s ballot: eligible practices except those they are conflicted with (declared, or a tie to the city), with their own scores and progress' })
  @ApiOkResponse({ type: BallotView })
  ballot(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: BallotQuery): Promise<BallotView> {
    return this.jury.ballot(principal, id, query.lang);
  }

  // One round trip: the write's statement checks the juror's grant and conflicts (JuryRepository.upsertScore).
  @Authorize('practice.score', { checkedByStatement: true })
  @Put('practices/:id/scores/mine')
  @ApiOperation({ summary: 'Score a practice on the four criteria (integers 1..scaleMax); editable until scoringDueAt, in stage juryScoring only' })
  @ApiOkResponse({ type: MyScoreView })
  @ApiForbiddenResponse({ description: '`conflict_of_interest`: declared, or a tie to the practice’s city (the juror’s city, its expert, its official); `not_assigned`: the edition assigns practices and this one is not assigned to the juror (directly or through a panel)' })
  @ApiConflictResponse({ description: 'Wrong stage, deadline passed, or practice not eligible' })
  score(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: PutScoreDto): Promise<MyScoreView> {
    return this.jury.putScore(principal, id, dto);
  }

  @Authorize('practice.conflict.declare')
  @Post('practices/:id/conflicts')
  @Idempotent()
  @ApiOperation({ summary: 'Declare a conflict of interest while scoring is open: the juror is recused from the practice (cannot be withdrawn); a score already cast stops counting and is kept in the audit trail' })
  @ApiCreatedResponse({ type: DeclaredConflictView })
  @ApiConflictResponse({ description: '`wrong_stage`: not in stage juryScoring; `deadline_passed`: scoringDueAt has passed; `conflict_exists`: already declared' })
  declareConflict(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: DeclareConflictDto): Promise<DeclaredConflictView> {
    return this.jury.declareConflict(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/conflicts')
  @ApiOperation({ summary: 'Every conflict of interest of the edition’s jurors: declared, or from a tie to the practice’s city (reasonCode says which)' })
  @ApiOkResponse({ type: [EditionConflictView] })
  conflicts(@Param('id') id: string): Promise<EditionConflictView[]> {
    return this.jury.conflicts(id);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/jury-progress')
  @ApiOperation({ summary: 'n of m practices scored, per juror (coordinators, any time)' })
  @ApiOkResponse({ type: [JurorProgressView] })
  progress(@Param('id') id: string): Promise<JurorProgressView[]> {
    return this.jury.progress(id);
  }

  @Authorize('edition.results.read')
  @Get('editions/:id/results')
  @ApiOperation({
    summary: 'Ranked results (coordinators any time; jurors once scoring has closed)',
    description:
      'Methods: mean (weighted by the criteria weights), median, zscore (each juror’s scores standardised over that juror’s own scores, then averaged), ' +
      'borda (per-juror ranking turned into points normalised by ballot size; ties share points). Ties share a rank. ' +
      'Scores of a juror on practices they are conflicted with (declared, or a tie to the city: juror’s city, its expert, its official) never count. ' +
      'A juror reads the results without the practices they are conflicted with (ranked among those shown). coverage flags practices with fewer than minScores scores.',
  })
  @ApiOkResponse({ type: ResultsView })
  resultsOf(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ResultsQuery): Promise<ResultsView> {
    return this.results.results(id, query.method, query.categoryId ?? null, query.minScores, conflictViewer(principal));
  }

  @Authorize('edition.manage')
  @Get('editions/:id/agreement')
  @ApiOperation({ summary: 'Krippendorff’s alpha (interval metric), overall (weighted score) and per criterion, with the number of pairable values' })
  @ApiOkResponse({ type: AgreementView })
  agreement(@Param('id') id: string): Promise<AgreementView> {
    return this.results.agreement(id);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/scores.csv')
  @ApiOperation({ summary: 'Every score as CSV (RFC 4180, UTF-8): one row per juror × practice × criterion' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async scoresCsv(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="scores-${id}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(this.results.scoresCsv(id)));
  }

  @Authorize('edition.manage')
  @Get('editions/:id/results.xlsx')
  @ApiOperation({
    summary: 'Results as an XLSX workbook for people: the ranking and the raw scores',
    description:
      'Sheet 1: the ranking by `method` (rank only for scored practices, score, n, standard deviation, mean of each criterion). ' +
      'Sheet 2: one row per juror × practice with names, the four criteria, whether the score counts, the comment and the time of the last change in Polish time. ' +
      'Headers in `lang` (default: the account’s locale, else Polish).',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async resultsXlsx(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ResultsExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const workbook = await this.results.resultsXlsx(id, query.method, query.categoryId ?? null, exportLanguage(principal, query));
    await reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="results-${id}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(workbook);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/results.csv')
  @ApiOperation({
    summary: 'The raw scores as CSV for spreadsheets: UTF-8 with BOM, one row per juror × practice, names, headers in `lang`, Polish time',
    description: 'The same columns as the workbook’s score sheet. `scores.csv` stays the long machine-readable format.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async resultsCsv(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ResultsExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.results.scoresCsvForPeople(id, exportLanguage(principal, query));
    await reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="scores-${id}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv);
  }
}

function exportLanguage(principal: Principal, query: ResultsExportQuery) {
  return query.lang ?? BALLOT_LANGUAGES.find((lang) => lang === principal.locale) ?? 'pl';
}
