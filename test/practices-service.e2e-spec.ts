// PracticesService and ReportsService on real repositories, with a pool of ONE connection: every
// read inside a command's transaction must go through that transaction, or the command waits
// forever for a second connection (as updatePractice, deletePractice and addFollowUp did).
import { DataSource } from 'typeorm';
import { AuditRecorder, OutboxRelay, UnitOfWork } from '@app/core';
import { createTestDatabase, makeCity, makeEdition, makePractice, makeReport, TestDatabase } from '@app/testing';
import { AuditRepository } from '@app/domain/audit/audit.repository';
import { FilesRepository } from '@app/domain/files/files.repository';
import { ReportsRepository } from '@app/domain/reports/reports.repository';
import { ReportsService } from '@app/domain/reports/reports.service';
import { ReportTranslationsRepository } from '@app/domain/reports/report-translations.repository';
import { ReportTranslationsService } from '@app/domain/reports/report-translations.service';
import { PracticesRepository } from '@app/domain/practices/practices.repository';
import { PracticesService } from '@app/domain/practices/practices.service';
import { PracticeTranslationsRepository } from '@app/domain/practices/practice-translations.repository';
import { PracticeTranslationsService } from '@app/domain/practices/practice-translations.service';

describe('practices and reports services in one connection (PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;
  let practices: PracticesService;
  let reports: ReportsService;

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 1, connectionTimeoutMillis: 3000 } }).initialize();
    const uow = new UnitOfWork(ds, { kick: () => undefined } as unknown as OutboxRelay);
    const audit = new AuditRecorder(ds, new AuditRepository());
    reports = new ReportsService(ds, uow, new ReportsRepository(), new PracticesRepository(), new FilesRepository(), audit, new ReportTranslationsService(ds, uow, new ReportTranslationsRepository(), audit));
    const translations = new PracticeTranslationsService(ds, uow, new PracticeTranslationsRepository(), audit);
    practices = new PracticesService(ds, uow, new PracticesRepository(), new FilesRepository(), reports, audit, translations, new ReportTranslationsService(ds, uow, new ReportTranslationsRepository(), audit));
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  async function draftPractice(): Promise<{ reportId: string; practiceId: string }> {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const report = await makeReport(ds, edition.id, (await makeCity(ds)).id);
    const practice = await makePractice(ds, report.id);
    return { reportId: report.id, practiceId: practice.id };
  }

  it('updates a practice within its transaction’s connection', async () => {
    const { practiceId } = await draftPractice();
    const updated = await practices.update(practiceId, { title: 'Nowy tytuł' });
    expect(updated.title).toBe('Nowy tytuł');
  });

  it('removes a practice within its transaction’s connection', async () => {
    const { reportId, practiceId } = await draftPractice();
    await practices.delete(practiceId);
    expect((await reports.get(reportId)).practices).toEqual([]);
  });

  it('refuses a follow-up of no previous distinction within its transaction’s connection', async () => {
    const { reportId } = await draftPractice();
    await expect(reports.addFollowUp(reportId, { awardId: '00000000-0000-4000-8000-000000000000', status: 'continued', assessment: 'Dalej działa.' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
