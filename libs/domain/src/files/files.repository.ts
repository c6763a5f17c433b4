// Every statement on the report_file table (the bytes are in the FileStore).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { ReportFileView } from '../reports/dto/report.dto';

const FILE_COLUMNS = `id, filename, content_type AS "contentType", size::int AS size, sha256, created_at AS "createdAt"`;

export interface NewReportFile {
  id: string;
  reportId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
}

@Injectable()
export class FilesRepository {
  async insert(manager: EntityManager, file: NewReportFile): Promise<ReportFileView> {
    const [row] = await queryRows<ReportFileView>(
      manager,
      `INSERT INTO report_file (id, report_id, filename, content_type, size, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${FILE_COLUMNS}`,
      [file.id, file.reportId, file.filename, file.contentType, file.size, file.sha256, file.uploadedBy],
    );
    return row;
  }

  listByReport(manager: EntityManager, reportId: string): Promise<ReportFileView[]> {
    return queryRows(manager, `SELECT ${FILE_COLUMNS} FROM report_file WHERE report_id = $1 ORDER BY created_at`, [reportId]);
  }

  async find(manager: EntityManager, reportId: string, fileId: string): Promise<ReportFileView | undefined> {
    const [row] = await queryRows<ReportFileView>(manager, `SELECT ${FILE_COLUMNS} FROM report_file WHERE id = $1 AND report_id = $2`, [fileId, reportId]);
    return row;
  }

  /** Whether the report had the file (and now has not). */
  async delete(manager: EntityManager, reportId: string, fileId: string): Promise<boolean> {
    const deleted = await queryRows(manager, `DELETE FROM report_file WHERE id = $1 AND report_id = $2 RETURNING id`, [fileId, reportId]);
    return deleted.length > 0;
  }
}
