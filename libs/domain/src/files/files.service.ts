// A report's evidence files: uploaded and removed by its expert while the report may change, read
// by those reports.access.ts lets read them. The bytes go to the FileStore, the record to report_file.
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditRecorder, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { ReportFileView } from '../reports/dto/report.dto';
import { cleanFilename, FileStore } from '../reports/file-store';
import { ReportsService } from '../reports/reports.service';
import { FilesRepository } from './files.repository';

@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly files: FilesRepository,
    private readonly store: FileStore,
    private readonly reports: ReportsService,
    private readonly audit: AuditRecorder,
  ) {}

  async upload(principal: Principal, reportId: string, upload: { filename?: string; file: Readable; truncated: () => boolean }): Promise<ReportFileView> {
    // Refuse early (and cheaply) when the report cannot change; checked again when recording.
    await this.uow.run(({ manager }) => this.reports.lockWritable(manager, reportId));
    let filename: string;
    try {
      filename = cleanFilename(upload.filename);
    } catch (error) {
      upload.file.resume();
      throw error;
    }
    const stored = await this.store.receive(upload.file, upload.truncated);
    try {
      return await this.uow.run(async ({ manager }) => {
        await this.reports.lockWritable(manager, reportId);
        const row = await this.files.insert(manager, {
          id: stored.storedName,
          reportId,
          filename,
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedBy: principal.userId,
        });
        await this.audit.record({ actorId: principal.userId, action: 'report.file_upload', objectType: 'report', objectId: reportId, outcome: 'success', details: { fileId: row.id, size: stored.size, sha256: stored.sha256 } }, manager);
        return row;
      });
    } catch (error) {
      await this.store.remove(stored.storedName);
      throw error;
    }
  }

  list(reportId: string): Promise<ReportFileView[]> {
    return this.files.listByReport(this.dataSource.manager, reportId);
  }

  async open(reportId: string, fileId: string): Promise<{ file: ReportFileView; stream: Readable }> {
    const file = await this.files.find(this.dataSource.manager, reportId, fileId);
    if (!file) throw new NotFoundError('File');
    const { stream } = await this.store.open(file.id);
    return { file, stream };
  }

  async delete(reportId: string, fileId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.reports.lockWritable(manager, reportId);
      if (!(await this.files.delete(manager, reportId, fileId))) throw new NotFoundError('File');
    });
    await this.store.remove(fileId);
  }
}
