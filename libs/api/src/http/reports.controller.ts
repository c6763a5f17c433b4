// The expert stage over HTTP: reports, practices, evidence files, follow-ups, eligibility.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authorize, CurrentPrincipal, Idempotent, InvalidInputError, isCoordinator, Principal } from '@app/core';
import {
  ContentLanguageQuery,
  CreatedReportView,
  CreateFollowUpDto,
  CreatePracticeDto,
  CreateReportDto,
  EditionPracticesQuery,
  EligibilityDto,
  FollowUpView,
  MalformedUploadError,
  MyReportAssignment,
  PracticeEvidenceView,
  PracticePage,
  PracticeView,
  PreviousDistinctionView,
  ReportFileView,
  FilesService,
  PracticesService,
  ReportsService,
  ReportView,
  UpdatePracticeDto,
  UpdateReportDto,
} from '@app/domain';

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

@ApiTags('expert stage')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly practiceService: PracticesService,
    private readonly files: FilesService,
  ) {}

  // Anyone signed in: the list is scoped to the caller's own expert grants (empty without any).
  @Authorize('session.self')
  @Get('me/reports')
  @ApiOperation({ summary: 'My expert assignments (edition and city), newest edition first, each with its report once started (report: null before)' })
  @ApiOkResponse({ type: [MyReportAssignment] })
  mine(@CurrentPrincipal() principal: Principal): Promise<MyReportAssignment[]> {
    return this.reports.mine(principal);
  }

  @Authorize('edition.report.create')
  @Post('editions/:id/reports')
  @Idempotent()
  @ApiOperation({ summary: 'Start the report of the expert’s city (stage reportsOpen, before reportsDueAt)' })
  @ApiCreatedResponse({ type: CreatedReportView })
  @ApiConflictResponse({ description: 'The city already has a report (reportId given), or the stage/deadline does not allow it' })
  create(@CurrentPrincipal() principal: Principal, @Param('id') editionId: string, @Body() dto: CreateReportDto): Promise<CreatedReportView> {
    return this.reports.create(principal, editionId, dto.cityId);
  }

  @Authorize('edition.practices.read')
  @Get('editions/:id/practices')
  @ApiOperation({ summary: 'Practices of submitted reports (coordinators: all; jurors from juryScoring: eligible ones, not of their own city)' })
  @ApiOkResponse({ type: PracticePage })
  practices(@CurrentPrincipal() principal: Principal, @Param('id') editionId: string, @Query() query: EditionPracticesQuery): Promise<PracticePage> {
    return this.practiceService.listOfEdition(principal, editionId, query);
  }

  @ApiOperation({ summary: 'One report with its practices, files and follow-ups' })
  @Authorize('report.read')
  @Get('reports/:id')
  @ApiOkResponse({ type: ReportView })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ReportView> {
    return this.reports.get(id, isCoordinator(principal));
  }

  @Authorize('report.write')
  @Patch('reports/:id')
  @ApiOperation({ summary: 'Edit the summary (draft only)' })
  @ApiOkResponse({ type: ReportView })
  update(@Param('id') id: string, @Body() dto: UpdateReportDto): Promise<ReportView> {
    return this.reports.updateSummary(id, dto.summary);
  }

  @Authorize('report.write')
  @Post('reports/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the report: it freezes; needs stage reportsOpen, before reportsDueAt, at least one practice' })
  @ApiOkResponse({ type: ReportView })
  @ApiConflictResponse({ description: 'Already submitted, wrong stage, deadline passed or no practice' })
  submit(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ReportView> {
    return this.reports.submit(principal, id);
  }

  @ApiOperation({ summary: 'Add a practice to a draft report' })
  @Authorize('report.write')
  @Post('reports/:id/practices')
  @Idempotent()
  @ApiCreatedResponse({ type: PracticeView })
  addPractice(@Param('id') id: string, @Body() dto: CreatePracticeDto): Promise<PracticeView> {
    return this.practiceService.add(id, dto);
  }

  @ApiOperation({ summary: 'One practice (jurors: only practices before the jury, outside their conflicts); title and description in `lang` (default: the account’s locale; its own expert: the original) where translated' })
  @Authorize('practice.read')
  @Get('practices/:id')
  @ApiOkResponse({ type: PracticeView })
  practice(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ContentLanguageQuery): Promise<PracticeView> {
    return this.practiceService.get(id, principal, query.lang);
  }

  @Authorize('practice.read')
  @Get('practices/:id/evidence')
  @ApiOperation({ summary: 'The practice’s report summary and evidence files (its expert, coordinators, jurors of the edition from juryScoring, never of their own city)' })
  @ApiOkResponse({ type: PracticeEvidenceView })
  evidence(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ContentLanguageQuery): Promise<PracticeEvidenceView> {
    return this.practiceService.evidence(id, query.lang ?? principal.locale);
  }

  @Authorize('practice.write')
  @Patch('practices/:id')
  @ApiOperation({ summary: 'Edit a practice (draft report only)' })
  @ApiOkResponse({ type: PracticeView })
  updatePractice(@Param('id') id: string, @Body() dto: UpdatePracticeDto): Promise<PracticeView> {
    return this.practiceService.update(id, dto);
  }

  @ApiOperation({ summary: 'Remove a practice from a draft report' })
  @Authorize('practice.write')
  @Delete('practices/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deletePractice(@Param('id') id: string): Promise<void> {
    await this.practiceService.delete(id);
  }

  @Authorize('practice.eligibility')
  @Post('practices/:id/eligibility')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a submitted practice eligible or ineligible (a reason is required for ineligible)' })
  @ApiOkResponse({ type: PracticeView })
  eligibility(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: EligibilityDto): Promise<PracticeView> {
    return this.practiceService.decideEligibility(principal, id, dto);
  }

  @Authorize('report.write')
  @Post('reports/:id/files')
  @ApiOperation({ summary: 'Attach a PDF, DOCX or ODT (checked by content, at most 20 MiB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ReportFileView })
  async upload(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Req() request: FastifyRequest): Promise<ReportFileView> {
    if (!request.isMultipart()) throw new InvalidInputError('file', 'must be sent as multipart/form-data');
    const part = await request.file().catch((error: unknown) => {
      // @fastify/multipart's own refusals (limits, content type) carry their 4xx; a body busboy
      // cannot read (no boundary, cut short) is the client's malformed upload.
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      throw new MalformedUploadError();
    });
    if (!part) throw new InvalidInputError('file', 'is missing');
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw new InvalidInputError('file', `must be sent in the field "file" (got "${part.fieldname}")`);
    }
    return this.files.upload(principal, id, { filename: part.filename, file: part.file, truncated: () => part.file.truncated });
  }

  @Authorize('report.file.read')
  @Get('reports/:id/files/:fileId')
  @ApiOperation({ summary: 'Download a file (its expert, coordinators, jurors of the edition from juryScoring)' })
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text')
  @ApiOkResponse({ description: 'The file as uploaded', schema: { type: 'string', format: 'binary' } })
  async download(@Param('id') id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, stream } = await this.files.open(id, fileId);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(stream);
  }

  @ApiOperation({ summary: 'Remove an evidence file from a draft report' })
  @Authorize('report.write')
  @Delete('reports/:id/files/:fileId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteFile(@Param('id') id: string, @Param('fileId', ParseUUIDPipe) fileId: string): Promise<void> {
    await this.files.delete(id, fileId);
  }

  @Authorize('report.read')
  @Get('reports/:id/previous-distinctions')
  @ApiOperation({ summary: 'The previous edition’s distinctions in this city, to assess in follow-ups' })
  @ApiOkResponse({ type: [PreviousDistinctionView] })
  previousDistinctions(@Param('id') id: string): Promise<PreviousDistinctionView[]> {
    return this.reports.previousDistinctions(id);
  }

  @Authorize('report.write')
  @Post('reports/:id/follow-ups')
  @Idempotent()
  @ApiOperation({ summary: 'Assess how a distinction of the previous edition in the same city was carried out' })
  @ApiCreatedResponse({ type: FollowUpView })
  addFollowUp(@Param('id') id: string, @Body() dto: CreateFollowUpDto): Promise<FollowUpView> {
    return this.reports.addFollowUp(id, dto);
  }
}
