// The SQL of group mails: the group a filter chooses, storing a sent group mail with its
// recipients, the list with delivery counts, and what one recipient's mail is rendered from.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { expertReportsDueSql, jurorScoringDueSql } from '../../grants/deadlines.sql';
import { GroupMailFilter, GroupMailVersion } from './group-mail.entity';
import { RecipientRow, recipientsSql } from './group-mail-recipients.sql';

export interface GroupMailRow {
  id: string;
  edition_id: string;
  sent_by: string | null;
  created_at: Date;
  filter: GroupMailFilter;
  city_name: string | null;
  versions: GroupMailVersion[];
  recipient_count: number;
  pending: number;
  sent: number;
  failed: number;
}

/** One recipient's mail as the sender renders it: the versions, and their city and deadline now. */
export interface GroupMailSendRow {
  versions: GroupMailVersion[];
  role: GroupMailFilter['role'];
  city: string | null;
  due_at: Date | null;
}

@Injectable()
export class GroupMailsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recipients(editionId: string, filter: GroupMailFilter): Promise<RecipientRow[]> {
    return this.dataSource.query(recipientsSql(filter), [editionId, filter.cityId]);
  }

  async cityExists(cityId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM city WHERE id = $1`, [cityId]);
    return rows.length > 0;
  }

  /** Stores the group mail and, in the same statement's transaction, its recipients as the filter finds them now. */
  async insert(manager: EntityManager, mail: { editionId: string; by: string; filter: GroupMailFilter; versions: GroupMailVersion[] }): Promise<{ id: string; recipients: number }> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO group_mail (edition_id, created_by, filter, versions, recipient_count) VALUES ($1, $2, $3::jsonb, $4::jsonb, 0) RETURNING id`,
      [mail.editionId, mail.by, JSON.stringify(mail.filter), JSON.stringify(mail.versions)],
    );
    // An UPDATE answers [rows, affected count].
    const [[{ count }]]: [{ count: number }[], number] = await manager.query(
      `WITH added AS (
         INSERT INTO group_mail_recipient (group_mail_id, user_id, role, city_id)
         SELECT $3, f.user_id, f.role, f.city_id FROM (${recipientsSql(mail.filter)}) f
         RETURNING 1)
       UPDATE group_mail SET recipient_count = (SELECT count(*) FROM added) WHERE id = $3 RETURNING recipient_count AS count`,
      [mail.editionId, mail.filter.cityId, id],
    );
    return { id, recipients: count };
  }

  async setEvent(manager: EntityManager, id: string, eventId: string): Promise<void> {
    await manager.query(`UPDATE group_mail SET event_id = $2 WHERE id = $1`, [id, eventId]);
  }

  /** An edition's group mails, newest first, each with its deliveries counted by status. */
  async list(editionId: string, groupMailId: string | null = null): Promise<GroupMailRow[]> {
    return this.dataSource.query(
      `SELECT gm.id, gm.edition_id, a.name AS sent_by, gm.created_at, gm.filter, c.name AS city_name, gm.versions, gm.recipient_count,
              count(d.id) FILTER (WHERE d.status = 'pending')::int AS pending,
              count(d.id) FILTER (WHERE d.status = 'sent')::int AS sent,
              count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed
         FROM group_mail gm
         LEFT JOIN app_user a ON a.id = gm.created_by
         LEFT JOIN city c ON c.id = (gm.filter->>'cityId')::uuid
         LEFT JOIN notification_delivery d ON d.event_id = gm.event_id AND d.template = 'groupMail'
        WHERE gm.edition_id = $1 AND ($2::uuid IS NULL OR gm.id = $2)
        GROUP BY gm.id, a.name, c.name
        ORDER BY gm.created_at DESC, gm.id`,
      [editionId, groupMailId],
    );
  }

  /** What a recipient's group mail says, with their deadline as it stands now (extensions honoured). */
  async sendFacts(groupMailId: string, userId: string): Promise<GroupMailSendRow | null> {
    const [row]: GroupMailSendRow[] = await this.dataSource.query(
      `SELECT gm.versions, r.role, c.name AS city,
              CASE r.role WHEN 'expert' THEN ${expertReportsDueSql('e', 'r.city_id')}
                          WHEN 'juror' THEN ${jurorScoringDueSql('e', 'r.user_id')} END AS due_at
         FROM group_mail gm JOIN group_mail_recipient r ON r.group_mail_id = gm.id AND r.user_id = $2
         JOIN edition e ON e.id = gm.edition_id LEFT JOIN city c ON c.id = r.city_id
        WHERE gm.id = $1`,
      [groupMailId, userId],
    );
    return row ?? null;
  }
}
