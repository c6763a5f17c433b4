// Every statement on mail_template_override, and the edition's counter of their changes.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@app/core';

export interface OverrideRow {
  template: string;
  locale: string;
  subject: string;
  body: string;
  updated_at: Date;
  updated_by: string | null;
}

export interface TemplatesEditionRow {
  id: string;
  year: number;
  name: string;
  reports_due_at: Date | null;
  scoring_due_at: Date | null;
}

@Injectable()
export class MailTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async edition(editionId: string): Promise<TemplatesEditionRow | null> {
    const [row] = await queryRows<TemplatesEditionRow>(this.dataSource.manager, `SELECT id, year, name, reports_due_at, scoring_due_at FROM edition WHERE id = $1`, [editionId]);
    return row ?? null;
  }

  /** Every override of the edition (a sender's cache and the coordinator's list read the same). */
  overridesOf(editionId: string): Promise<OverrideRow[]> {
    return queryRows<OverrideRow>(
      this.dataSource.manager,
      `SELECT template, locale, subject, body, updated_at, updated_by FROM mail_template_override WHERE edition_id = $1 ORDER BY template, locale`,
      [editionId],
    );
  }

  /**
   * Moves the edition's counter of template changes, locking the edition row so that changes to
   * its templates run one after the other; false when there is no such edition.
   */
  async bumpRevision(manager: EntityManager, editionId: string): Promise<boolean> {
    const rows = await queryRows(manager, `UPDATE edition SET mail_templates_revision = mail_templates_revision + 1 WHERE id = $1 RETURNING id`, [editionId]);
    return rows.length > 0;
  }

  async upsert(manager: EntityManager, row: { editionId: string; template: string; locale: string; subject: string; body: string; updatedBy: string }): Promise<OverrideRow> {
    const [saved] = await queryRows<OverrideRow>(
      manager,
      `INSERT INTO mail_template_override (edition_id, template, locale, subject, body, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (edition_id, template, locale) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
              updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING template, locale, subject, body, updated_at, updated_by`,
      [row.editionId, row.template, row.locale, row.subject, row.body, row.updatedBy],
    );
    return saved;
  }

  async delete(manager: EntityManager, editionId: string, template: string, locale: string): Promise<boolean> {
    const rows = await queryRows(manager, `DELETE FROM mail_template_override WHERE edition_id = $1 AND template = $2 AND locale = $3 RETURNING template`, [
      editionId,
      template,
      locale,
    ]);
    return rows.length > 0;
  }
}
