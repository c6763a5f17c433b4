// The expert stage: reports, practices, evidence files, follow-ups of past distinctions,
// submission (which freezes the report), eligibility decisions, and the city status for officials.
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccessService,
  AuditRecorder,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  isCoordinator,
  JURY_PRACTICE_STATUSES_SQL,
  NotFoundError,
  Principal,
  queryRows,
  UnitOfWork,
  tiedToCitySql,
} from '@app/core';
import { CityView } from '../editions/dto/edition.dto';
import { EditionStage } from '../editions/edition-stage';
import {
  CityStatusAward,
  CityStatusView,
  CreatedReportView,
  CreateFollowUpDto,
  CreatePracticeDto,
  EditionPracticesQuery,
  EligibilityDto,
  FollowUpView,
  MyReportAssignment,
  MyReportSummary,
  PracticeEvidenceView,
  PracticePage,
  PracticeView,
  PreviousDistinctionView,
  ReportFileView,
  ReportView,
  UpdatePracticeDto,
} from './dto/report.dto';
import { cleanFilename, FileStore } from './file-store';
import { ReportStatus } from './report.entity';

export const PRACTICE_SELECT = `
  SELECT p.id, p.report_id AS "reportId", r.edition_id AS "editionId", r.city_id AS "cityId", c.name AS "cityName",
         p.title, p.description, p.recipient_units AS "recipientUnits", to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
         p.links, p.status, p.eligibility_reason AS "eligibilityReason",
         COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position, cat.name)
                     FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories
    FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id`;

interface WritableReport {
  id: string;
  edition_id: string;
  city_id: string;
}

/** Statuses an official, an expert or the public may see before publication. */
const maskBeforePublication = (status: string, stage: EditionStage) =>
  stage === 'published' || !['distinguished', 'notDistinguished'].includes(status) ? status : 'eligible';

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly files: FileStore,
    private readonly audit: AuditRecorder,
    private readonly access: AccessService,
  ) {}

  // ---- reports --------------------------------------------------------------------------

  async create(principal: Principal, editionId: string, cityId: string): Promise<CreatedReportView> {
    if (!this.access.isExpertOf(principal, editionId, cityId)) throw new ForbiddenError('You are not the expert of this city in this edition', 'not_assigned');
    return this.uow.run(async ({ manager }) => {
      const [edition]: { stage: EditionStage; reports_due_at: Date | null }[] = await manager.query(
        `SELECT stage, reports_due_at FROM edition WHERE id = $1 FOR SHARE`,
        [editionId],
      );
      this.assertOpenForReports(edition);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO report (edition_id, city_id, created_by) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT report_edition_city_unique DO NOTHING RETURNING id`,
        [editionId, cityId, principal.userId],
      );
      if (rows.length === 0) {
        const [existing] = await manager.query(`SELECT id FROM report WHERE edition_id = $1 AND city_id = $2`, [editionId, cityId]);
        throw new ConflictError('report_exists', 'This city already has a report in this edition', { reportId: existing.id });
      }
      return { id: rows[0].id, status: 'draft' as const, editionId, cityId };
    });
  }

  /**
   * The caller's expert assignments (one per edition and city granted), newest edition first, each
   * with its report once started. Read from role_grant, not the principal, so it is the same
   * source as the grants checked on every request.
   */
  async mine(principal: Principal): Promise<MyReportAssignment[]> {
    const rows: (Omit<MyReportAssignment, 'report'> & {
      reportId: string | null;
      status: MyReportSummary['status'];
      submittedAt: Date | null;
      updatedAt: Date;
      practiceCount: number;
    })[] = await this.dataSource.query(
      `SELECT e.id AS "editionId", e.year AS "editionYear", e.name AS "editionName", e.stage AS "editionStage",
              e.reports_due_at AS "reportsDueAt", c.id AS "cityId", c.name AS "cityName",
              r.id AS "reportId", r.status, r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM practice p WHERE p.report_id = r.id) AS "practiceCount"
         FROM role_grant g
         JOIN edition e ON e.id = g.edition_id
         JOIN city c ON c.id = g.city_id
         LEFT JOIN report r ON r.edition_id = g.edition_id AND r.city_id = g.city_id
        WHERE g.user_id = $1 AND g.role = 'expert'
        ORDER BY e.year DESC, c.name`,
      [principal.userId],
    );
    return rows.map(({ reportId, status, submittedAt, updatedAt, practiceCount, ...assignment }) => ({
      ...assignment,
      report: reportId ? { id: reportId, status, submittedAt, updatedAt, practiceCount } : null,
    }));
  }

  /** The report; decisions (distinguished or not) show only to coordinators until publication. */
  async get(reportId: string, revealDecisions = false): Promise<ReportView> {
    const [report] = await this.dataSource.query(
      `SELECT r.id, r.edition_id AS "editionId", r.city_id AS "cityId", c.name AS "cityName", r.status, r.summary, r.submitted_at AS "submittedAt", e.stage
         FROM report r JOIN city c ON c.id = r.city_id JOIN edition e ON e.id = r.edition_id WHERE r.id = $1`,
      [reportId],
    );
    if (!report) throw new NotFoundError('Report');
    const [practices, files, followUps] = await Promise.all([
      this.dataSource.query(`${PRACTICE_SELECT} WHERE p.report_id = $1 ORDER BY p.position, p.created_at`, [reportId]) as Promise<PracticeView[]>,
      this.listFiles(reportId),
      this.listFollowUps(reportId),
    ]);
    const { stage, ...view } = report;
    const shown = revealDecisions ? practices : practices.map((p) => ({ ...p, status: maskBeforePublication(p.status, stage) as PracticeView['status'] }));
    return { ...view, practices: shown, files, followUps };
  }

  async updateSummary(reportId: string, summary: string): Promise<ReportView> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, reportId);
      await manager.query(`UPDATE report SET summary = $2, updated_at = now() WHERE id = $1`, [reportId, summary]);
    });
    return this.get(reportId);
  }

  /** Freezes the report: one conditional UPDATE that also checks stage and deadline. */
  async submit(principal: Principal, reportId: string): Promise<ReportView> {
    await this.uow.run(async (tx) => {
      const report = await this.lockWritable(tx.manager, reportId);
      const [{ count }] = await tx.manager.query(`SELECT count(*)::int AS count FROM practice WHERE report_id = $1`, [reportId]);
      if (count < 1) throw new ConflictError('no_practices', 'Add at least one practice before submitting');
      const submitted = await queryRows(
        tx.manager,
        `UPDATE report r SET status = 'submitted', submitted_at = now(), submitted_by = $2, updated_at = now()
           FROM edition e
          WHERE r.id = $1 AND r.status = 'draft' AND e.id = r.edition_id
            AND e.stage = 'reportsOpen' AND (e.reports_due_at IS NULL OR e.reports_due_at > now())
          RETURNING r.id`,
        [reportId, principal.userId],
      );
      if (submitted.length === 0) throw new ConflictError('report_not_submittable', 'The report can no longer be submitted');
      await tx.manager.query(`UPDATE practice SET status = 'submitted', updated_at = now() WHERE report_id = $1`, [reportId]);
      await tx.emit('report.submitted', { reportId });
      await this.audit.record({ actorId: principal.userId, action: 'report.submit', objectType: 'report', objectId: reportId, outcome: 'success', details: { editionId: report.edition_id, cityId: report.city_id } }, tx.manager);
    });
    return this.get(reportId);
  }

  /**
   * Locks the report for a change and checks it may still change: a draft, in stage reportsOpen,
   * before reportsDueAt. Concurrent submits and edits serialize on this lock.
   */
  private async lockWritable(manager: EntityManager, reportId: string): Promise<WritableReport> {
    const [row]: (WritableReport & { status: string; stage: EditionStage; reports_due_at: Date | null })[] = await manager.query(
      `SELECT r.id, r.edition_id, r.city_id, r.status, e.stage, e.reports_due_at
         FROM report r JOIN edition e ON e.id = r.edition_id WHERE r.id = $1 FOR UPDATE OF r`,
      [reportId],
    );
    if (!row) throw new NotFoundError('Report');
    if (row.status !== 'draft') throw new ConflictError('report_submitted', 'The report has been submitted and can no longer change');
    this.assertOpenForReports(row);
    return row;
  }

  private assertOpenForReports(edition: { stage: EditionStage; reports_due_at: Date | null } | undefined): void {
    if (!edition) throw new NotFoundError('Edition');
    if (edition.stage !== 'reportsOpen') {
      throw new ConflictError('wrong_stage', `Reports can be written only while the edition is in stage reportsOpen (it is ${edition.stage})`, { stage: edition.stage });
    }
    if (edition.reports_due_at && edition.reports_due_at.getTime() <= Date.now()) {
      throw new ConflictError('deadline_passed', `The deadline for reports passed at ${edition.reports_due_at.toISOString()}`);
    }
  }

  // ---- practices ------------------------------------------------------------------------

  async addPractice(reportId: string, dto: CreatePracticeDto): Promise<PracticeView> {
    const id = await this.uow.run(async ({ manager }) => {
      const report = await this.lockWritable(manager, reportId);
      await this.assertCategories(manager, report.edition_id, dto.categoryIds);
      const [{ id }] = await manager.query(
        `INSERT INTO practice (report_id, title, description, recipient_units, started_on, links, position)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT count(*) FROM practice WHERE report_id = $1)) RETURNING id`,
        [reportId, dto.title, dto.description, cleanList(dto.recipientUnits), dto.startedOn ?? null, dto.links ?? []],
      );
      await this.setCategories(manager, id, dto.categoryIds);
      return id as string;
    });
    return this.practice(id);
  }

  async updatePractice(practiceId: string, dto: UpdatePracticeDto): Promise<PracticeView> {
    await this.uow.run(async ({ manager }) => {
      const report = await this.lockWritable(manager, await this.reportOf(practiceId));
      if (dto.categoryIds) {
        await this.assertCategories(manager, report.edition_id, dto.categoryIds);
        await this.setCategories(manager, practiceId, dto.categoryIds);
      }
      await manager.query(
        `UPDATE practice SET title = COALESCE($2, title), description = COALESCE($3, description),
                recipient_units = COALESCE($4, recipient_units), started_on = COALESCE($5, started_on),
                links = COALESCE($6, links), updated_at = now()
          WHERE id = $1`,
        [practiceId, dto.title ?? null, dto.description ?? null, dto.recipientUnits ? cleanList(dto.recipientUnits) : null, dto.startedOn ?? null, dto.links ?? null],
      );
    });
    return this.practice(practiceId);
  }

  async deletePractice(practiceId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, await this.reportOf(practiceId));
      await manager.query(`DELETE FROM practice WHERE id = $1`, [practiceId]);
    });
  }

  /** A practice; its expert sees the decision on it only once the edition is published. */
  async practice(practiceId: string, viewer?: Principal): Promise<PracticeView> {
    const [row] = await this.dataSource.query(
      `SELECT pv.*, e.stage FROM (${PRACTICE_SELECT} WHERE p.id = $1) pv JOIN edition e ON e.id = pv."editionId"`,
      [practiceId],
    );
    if (!row) throw new NotFoundError('Practice');
    const { stage, ...practice } = row;
    return viewer && this.access.hidesDecisionsFrom(viewer, practice) ? { ...practice, status: maskBeforePublication(practice.status, stage) } : practice;
  }

  /**
   * The report a practice belongs to, as its jurors read it: the summary and the evidence files.
   * Only that: the report's other practices and any decisions stay out of a juror's view.
   */
  async practiceEvidence(practiceId: string): Promise<PracticeEvidenceView> {
    const [report]: Omit<PracticeEvidenceView, 'files'>[] = await this.dataSource.query(
      `SELECT r.id AS "reportId", c.name AS "cityName", r.summary, r.submitted_at AS "submittedAt"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id WHERE p.id = $1`,
      [practiceId],
    );
    if (!report) throw new NotFoundError('Practice');
    return { ...report, files: await this.listFiles(report.reportId) };
  }

  private async reportOf(practiceId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT report_id FROM practice WHERE id = $1`, [practiceId]);
    if (!row) throw new NotFoundError('Practice');
    return row.report_id;
  }

  /** FOR SHARE: a category being removed meanwhile is either still in use (its removal waits and refuses) or gone (400 here). */
  private async assertCategories(manager: EntityManager, editionId: string, categoryIds: string[]): Promise<void> {
    const unique = [...new Set(categoryIds)];
    const found: { id: string }[] = await manager.query(`SELECT id FROM category WHERE edition_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`, [editionId, unique]);
    if (found.length !== unique.length) throw new InvalidInputError('categoryIds', 'must name categories of this edition');
  }

  private async setCategories(manager: EntityManager, practiceId: string, categoryIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM practice_category WHERE practice_id = $1`, [practiceId]);
    await manager.query(
      `INSERT INTO practice_category (practice_id, category_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [practiceId, [...new Set(categoryIds)]],
    );
  }

  // ---- files ----------------------------------------------------------------------------

  async uploadFile(principal: Principal, reportId: string, upload: { filename?: string; file: Readable; truncated: () => boolean }): Promise<ReportFileView> {
    // Refuse early (and cheaply) when the report cannot change; checked again when recording.
    await this.uow.run(({ manager }) => this.lockWritable(manager, reportId));
    let filename: string;
    try {
      filename = cleanFilename(upload.filename);
    } catch (error) {
      upload.file.resume();
      throw error;
    }
    const stored = await this.files.receive(upload.file, upload.truncated);
    try {
      return await this.uow.run(async ({ manager }) => {
        await this.lockWritable(manager, reportId);
        const [row]: ReportFileView[] = await manager.query(
          `INSERT INTO report_file (id, report_id, filename, content_type, size, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id, filename, content_type AS "contentType", size::int AS size, sha256, created_at AS "createdAt"`,
          [stored.storedName, reportId, filename, stored.contentType, stored.size, stored.sha256, principal.userId],
        );
        await this.audit.record({ actorId: principal.userId, action: 'report.file_upload', objectType: 'report', objectId: reportId, outcome: 'success', details: { fileId: row.id, size: stored.size, sha256: stored.sha256 } }, manager);
        return row;
      });
    } catch (error) {
      await this.files.remove(stored.storedName);
      throw error;
    }
  }

  listFiles(reportId: string): Promise<ReportFileView[]> {
    return this.dataSource.query(
      `SELECT id, filename, content_type AS "contentType", size::int AS size, sha256, created_at AS "createdAt"
         FROM report_file WHERE report_id = $1 ORDER BY created_at`,
      [reportId],
    );
  }

  async openFile(reportId: string, fileId: string): Promise<{ file: ReportFileView; stream: Readable }> {
    const [file]: ReportFileView[] = await this.dataSource.query(
      `SELECT id, filename, content_type AS "contentType", size::int AS size, sha256, created_at AS "createdAt"
         FROM report_file WHERE id = $1 AND report_id = $2`,
      [fileId, reportId],
    );
    if (!file) throw new NotFoundError('File');
    const { stream } = await this.files.open(file.id);
    return { file, stream };
  }

  async deleteFile(reportId: string, fileId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, reportId);
      const deleted = await queryRows(manager, `DELETE FROM report_file WHERE id = $1 AND report_id = $2 RETURNING id`, [fileId, reportId]);
      if (deleted.length === 0) throw new NotFoundError('File');
    });
    await this.files.remove(fileId);
  }

  // ---- follow-ups of the previous edition's distinctions --------------------------------

  /** The distinctions of the previous edition in the report's city: what the expert assesses. */
  async previousDistinctions(reportId: string): Promise<PreviousDistinctionView[]> {
    return this.dataSource.query(
      `SELECT a.id, a.recipient_unit AS "recipientUnit", a.citation, prev.year AS "editionYear",
              COALESCE((SELECT json_agg(cat.name ORDER BY cat.position) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories
         FROM report r
         JOIN edition cur ON cur.id = r.edition_id
         JOIN LATERAL (SELECT id, year FROM edition WHERE year < cur.year AND stage = 'published' ORDER BY year DESC LIMIT 1) prev ON true
         JOIN award a ON a.edition_id = prev.id AND a.city_id = r.city_id
        WHERE r.id = $1
        ORDER BY a.position, a.created_at`,
      [reportId],
    );
  }

  async addFollowUp(reportId: string, dto: CreateFollowUpDto): Promise<FollowUpView> {
    await this.uow.run(async ({ manager }) => {
      await this.lockWritable(manager, reportId);
      const candidates = await this.previousDistinctions(reportId);
      if (!candidates.some((award) => award.id === dto.awardId)) {
        throw new InvalidInputError('awardId', 'is not a distinction of the previous edition in this city');
      }
      const inserted: unknown[] = await manager.query(
        `INSERT INTO follow_up (report_id, award_id, status, assessment) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT follow_up_report_award_unique DO NOTHING RETURNING id`,
        [reportId, dto.awardId, dto.status, dto.assessment],
      );
      if (inserted.length === 0) throw new ConflictError('follow_up_exists', 'This distinction already has a follow-up in this report');
    });
    const followUps = await this.listFollowUps(reportId);
    return followUps.find((followUp) => followUp.awardId === dto.awardId)!;
  }

  listFollowUps(reportId: string): Promise<FollowUpView[]> {
    return this.dataSource.query(
      `SELECT f.id, f.award_id AS "awardId", f.status, f.assessment,
              json_build_object('recipientUnit', a.recipient_unit, 'citation', a.citation, 'editionYear', e.year) AS award
         FROM follow_up f JOIN award a ON a.id = f.award_id JOIN edition e ON e.id = a.edition_id
        WHERE f.report_id = $1 ORDER BY f.created_at`,
      [reportId],
    );
  }

  // ---- eligibility ----------------------------------------------------------------------

  async decideEligibility(principal: Principal, practiceId: string, dto: EligibilityDto): Promise<PracticeView> {
    const reason = dto.reason?.trim() || null;
    if (!dto.eligible && !reason) throw new InvalidInputError('reason', 'is required when a practice is ineligible');
    await this.uow.run(async (tx) => {
      const [row]: { status: string; stage: EditionStage }[] = await tx.manager.query(
        `SELECT p.status, e.stage FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
          WHERE p.id = $1 FOR UPDATE OF p`,
        [practiceId],
      );
      if (!row) throw new NotFoundError('Practice');
      if (!['submitted', 'eligible', 'ineligible'].includes(row.status)) {
        throw new ConflictError('not_submitted', 'Only practices of a submitted report can be checked for eligibility');
      }
      if (row.stage !== 'reportsOpen') {
        throw new ConflictError('wrong_stage', `Eligibility is decided while the edition is in stage reportsOpen (it is ${row.stage})`, { stage: row.stage });
      }
      await tx.manager.query(
        `UPDATE practice SET status = $2, eligibility_reason = $3, eligibility_decided_at = now(), eligibility_decided_by = $4, updated_at = now() WHERE id = $1`,
        [practiceId, dto.eligible ? 'eligible' : 'ineligible', dto.eligible ? null : reason, principal.userId],
      );
      await tx.emit('practice.eligibilityDecided', { practiceId });
      await this.audit.record({ actorId: principal.userId, action: 'practice.eligibility', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { eligible: dto.eligible } }, tx.manager);
    });
    return this.practice(practiceId);
  }

  // ---- lists ----------------------------------------------------------------------------

  /**
   * Coordinators: every practice of submitted reports. Jurors: the eligible ones, never those of a
   * city they are tied to (a declared conflict bars scoring, not reading, as for one practice).
   */
  async editionPractices(principal: Principal, editionId: string, query: EditionPracticesQuery): Promise<PracticePage> {
    const coordinator = isCoordinator(principal);
    const viewer = this.access.conflictViewer(principal);
    const rows: (PracticeView & { total: string })[] = await this.dataSource.query(
      `SELECT listed.*, count(*) OVER () AS total FROM (${PRACTICE_SELECT}
        WHERE r.edition_id = $1 AND r.status = 'submitted'
          AND ($2::boolean OR p.status IN ${JURY_PRACTICE_STATUSES_SQL})
          AND ($3::uuid IS NULL OR NOT ${tiedToCitySql('$3::uuid', 'r.edition_id', 'r.city_id')})
          AND ($4::uuid IS NULL OR r.city_id = $4)
          AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id AND pc.category_id = $5))
          AND ($6::text IS NULL OR p.status::text = $6)
      ) AS listed
      ORDER BY "cityName", title LIMIT $7 OFFSET $8`,
      [editionId, coordinator, viewer, query.cityId ?? null, query.categoryId ?? null, query.status ?? null, query.limit, query.offset],
    );
    return { items: rows.map(({ total: _total, ...item }) => item), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * What an official sees of the city: per edition that has started, the report's status and each
   * practice with its status and history. No scores and no awards before publication.
   */
  async cityStatus(cityId: string, editionId?: string): Promise<CityStatusView> {
    const [city]: CityView[] = await this.dataSource.query(`SELECT id, name, region FROM city WHERE id = $1`, [cityId]);
    if (!city) throw new NotFoundError('City');
    const editions: { id: string; year: number; name: string; stage: EditionStage }[] = await this.dataSource.query(
      `SELECT id, year, name, stage FROM edition WHERE stage <> 'draft' AND ($1::uuid IS NULL OR id = $1) ORDER BY year DESC`,
      [editionId ?? null],
    );
    const reports: { id: string; edition_id: string; status: ReportStatus; submitted_at: Date | null }[] = await this.dataSource.query(
      `SELECT id, edition_id, status, submitted_at FROM report WHERE city_id = $1`,
      [cityId],
    );
    const practices: (PracticeView & { submittedAt: Date | null; eligibilityDecidedAt: Date | null })[] = await this.dataSource.query(
      `SELECT pv.*, r.submitted_at AS "submittedAt", p.eligibility_decided_at AS "eligibilityDecidedAt"
         FROM (${PRACTICE_SELECT} WHERE r.city_id = $1 AND r.status = 'submitted') pv
         JOIN practice p ON p.id = pv.id JOIN report r ON r.id = pv."reportId"
        ORDER BY pv.title`,
      [cityId],
    );
    // Distinctions show only once their edition is published.
    const awards: (CityStatusAward & { editionId: string })[] =
      await this.dataSource.query(
        `SELECT a.edition_id AS "editionId", a.id, a.recipient_unit AS "recipientUnit", a.citation,
                COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name)) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
                COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title)) FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices
           FROM award a JOIN edition e ON e.id = a.edition_id
          WHERE a.city_id = $1 AND e.stage = 'published' ORDER BY a.position`,
        [cityId],
      );
    return {
      city,
      editions: editions.map((edition) => {
        const report = reports.find((r) => r.edition_id === edition.id) ?? null;
        return {
          editionId: edition.id,
          year: edition.year,
          name: edition.name,
          stage: edition.stage,
          report: report ? { id: report.id, status: report.status, submittedAt: report.submitted_at } : null,
          awards: edition.stage === 'published' ? awards.filter((a) => a.editionId === edition.id).map(({ editionId: _e, ...award }) => award) : [],
          practices: practices
            .filter((p) => p.editionId === edition.id)
            .map((p) => ({
              id: p.id,
              title: p.title,
              categories: p.categories,
              recipientUnits: p.recipientUnits,
              status: maskBeforePublication(p.status, edition.stage) as PracticeView['status'],
              eligibilityReason: p.status === 'ineligible' ? (p.eligibilityReason ?? null) : null,
              history: [
                ...(p.submittedAt ? [{ status: 'submitted' as const, at: p.submittedAt }] : []),
                ...(p.eligibilityDecidedAt ? [{ status: p.status === 'ineligible' ? ('ineligible' as const) : ('eligible' as const), at: p.eligibilityDecidedAt }] : []),
              ],
            })),
        };
      }),
    };
  }
}

function cleanList(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
