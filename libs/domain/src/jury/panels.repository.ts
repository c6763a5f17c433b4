// Every statement on panels and practice assignment. What "assigned" means for ballots and the
// score write is defined once, in panels.access.ts; conflicts in conflicts.access.ts.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { JURY_PRACTICE_STATUSES_LIST_SQL } from '../practices/practice-status';
import { conflictedSql } from './conflicts.access';
import { editionAssignsSql, onBallotByAssignmentSql } from './panels.access';
import { AssignmentItemView, PanelView } from './dto/panels.dto';

export interface AssignmentEditionRow {
  stage: string;
  scoring_closed: boolean;
}

export type AssignmentItemRow = AssignmentItemView & { beforeJury: boolean };

/** One assignment row: a practice to a panel or to a juror. */
export interface AssignmentTarget {
  practiceId: string;
  panelId: string | null;
  jurorId: string | null;
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

@Injectable()
export class PanelsRepository {
  async edition(manager: EntityManager, editionId: string): Promise<AssignmentEditionRow | undefined> {
    const [row] = await queryRows<AssignmentEditionRow>(
      manager,
      `SELECT stage, (scoring_due_at IS NOT NULL AND scoring_due_at <= now()) AS scoring_closed FROM edition WHERE id = $1`,
      [editionId],
    );
    return row;
  }

  /** The edition row held against score writes (they take it in share mode) for the rest of the transaction. */
  async lockEdition(manager: EntityManager, editionId: string): Promise<AssignmentEditionRow | undefined> {
    const [row] = await queryRows<AssignmentEditionRow>(
      manager,
      `SELECT stage, (scoring_due_at IS NOT NULL AND scoring_due_at <= now()) AS scoring_closed FROM edition WHERE id = $1 FOR NO KEY UPDATE`,
      [editionId],
    );
    return row;
  }

  async assigns(manager: EntityManager, editionId: string): Promise<boolean> {
    const [row] = await queryRows<{ assigns: boolean }>(manager, `SELECT ${editionAssignsSql('$1::uuid')} AS assigns`, [editionId]);
    return row.assigns;
  }

  panels(manager: EntityManager, editionId: string): Promise<PanelView[]> {
    return queryRows(
      manager,
      `SELECT jp.id, jp.name,
              COALESCE(json_agg(json_build_object('jurorId', u.id, 'name', u.name) ORDER BY u.name, u.id) FILTER (WHERE u.id IS NOT NULL), '[]') AS members
         FROM jury_panel jp
         LEFT JOIN jury_panel_member pm ON pm.panel_id = jp.id
         LEFT JOIN app_user u ON u.id = pm.juror_id
        WHERE jp.edition_id = $1
        GROUP BY jp.id ORDER BY jp.name`,
      [editionId],
    );
  }

  async panel(manager: EntityManager, editionId: string, panelId: string): Promise<PanelView | undefined> {
    return (await this.panels(manager, editionId)).find((panel) => panel.id === panelId);
  }

  async nameTaken(manager: EntityManager, editionId: string, name: string, exceptPanelId: string | null): Promise<boolean> {
    const rows = await queryRows(manager, `SELECT 1 FROM jury_panel WHERE edition_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid`, [editionId, name, exceptPanelId]);
    return rows.length > 0;
  }

  async insertPanel(manager: EntityManager, editionId: string, name: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(manager, `INSERT INTO jury_panel (edition_id, name) VALUES ($1, $2) RETURNING id`, [editionId, name]);
    return row.id;
  }

  async renamePanel(manager: EntityManager, editionId: string, panelId: string, name: string): Promise<boolean> {
    return (await queryRows(manager, `UPDATE jury_panel SET name = $3 WHERE id = $2 AND edition_id = $1 RETURNING id`, [editionId, panelId, name])).length > 0;
  }

  async deletePanel(manager: EntityManager, editionId: string, panelId: string): Promise<boolean> {
    return (await queryRows(manager, `DELETE FROM jury_panel WHERE id = $2 AND edition_id = $1 RETURNING id`, [editionId, panelId])).length > 0;
  }

  async replaceMembers(manager: EntityManager, panelId: string, jurorIds: string[]): Promise<void> {
    await queryRows(manager, `DELETE FROM jury_panel_member WHERE panel_id = $1`, [panelId]);
    await queryRows(manager, `INSERT INTO jury_panel_member (panel_id, juror_id) SELECT $1, x FROM unnest($2::uuid[]) x`, [panelId, jurorIds]);
  }

  /** Those of `userIds` without a juror grant in the edition. */
  async notJurors(manager: EntityManager, editionId: string, userIds: string[]): Promise<string[]> {
    return ids(
      await queryRows(
        manager,
        `SELECT x::text AS id FROM unnest($2::uuid[]) x
          WHERE NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = x AND g.role = 'juror' AND g.edition_id = $1)`,
        [editionId, userIds],
      ),
    );
  }

  /** Those of `practiceIds` that are not practices of the edition. */
  async notPractices(manager: EntityManager, editionId: string, practiceIds: string[]): Promise<string[]> {
    return ids(
      await queryRows(
        manager,
        `SELECT x::text AS id FROM unnest($2::uuid[]) x
          WHERE NOT EXISTS (SELECT 1 FROM practice p JOIN report r ON r.id = p.report_id WHERE p.id = x AND r.edition_id = $1)`,
        [editionId, practiceIds],
      ),
    );
  }

  /** Those of `panelIds` that are not panels of the edition. */
  async notPanels(manager: EntityManager, editionId: string, panelIds: string[]): Promise<string[]> {
    return ids(
      await queryRows(manager, `SELECT x::text AS id FROM unnest($2::uuid[]) x WHERE NOT EXISTS (SELECT 1 FROM jury_panel jp WHERE jp.id = x AND jp.edition_id = $1)`, [
        editionId,
        panelIds,
      ]),
    );
  }

  async replaceAssignments(manager: EntityManager, editionId: string, targets: AssignmentTarget[]): Promise<void> {
    await queryRows(manager, `DELETE FROM practice_assignment WHERE edition_id = $1`, [editionId]);
    await queryRows(
      manager,
      `INSERT INTO practice_assignment (edition_id, practice_id, panel_id, juror_id)
       SELECT $1, t.practice_id, t.panel_id, t.juror_id FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) t(practice_id, panel_id, juror_id)`,
      [editionId, targets.map((t) => t.practiceId), targets.map((t) => t.panelId), targets.map((t) => t.jurorId)],
    );
  }

  /** Scores of the edition whose juror the practice is no longer assigned to (an assignment change must leave none). */
  async scoresLeftUnassigned(manager: EntityManager, editionId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM score s WHERE s.edition_id = $1 AND NOT ${onBallotByAssignmentSql('s.juror_id', 's.practice_id', 's.edition_id')}`,
      [editionId],
    );
    return row.n;
  }

  /** Scores its members cast on the panel's practices (deleting the panel would take those away, even back to the default). */
  async panelScores(manager: EntityManager, panelId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM score s
         JOIN practice_assignment pa ON pa.practice_id = s.practice_id AND pa.panel_id = $1
         JOIN jury_panel_member pm ON pm.panel_id = $1 AND pm.juror_id = s.juror_id`,
      [panelId],
    );
    return row.n;
  }

  /**
   * The practices before the jury (and any other assigned practice of the edition), by city and
   * title, with their panels, their directly assigned jurors and the edition's jurors conflicted with them.
   */
  assignmentItems(manager: EntityManager, editionId: string): Promise<AssignmentItemRow[]> {
    return queryRows(
      manager,
      `SELECT p.id AS "practiceId", p.title, c.name AS "cityName", (p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL}) AS "beforeJury",
              COALESCE((SELECT array_agg(pa.panel_id::text ORDER BY pa.panel_id) FROM practice_assignment pa WHERE pa.practice_id = p.id AND pa.panel_id IS NOT NULL), '{}') AS "panelIds",
              COALESCE((SELECT array_agg(pa.juror_id::text ORDER BY pa.juror_id) FROM practice_assignment pa WHERE pa.practice_id = p.id AND pa.juror_id IS NOT NULL), '{}') AS "jurorIds",
              COALESCE((SELECT array_agg(g.user_id::text ORDER BY g.user_id) FROM role_grant g
                         WHERE g.edition_id = r.edition_id AND g.role = 'juror' AND ${conflictedSql('g.user_id', 'p.id', 'r.edition_id', 'r.city_id')}), '{}') AS "conflictedJurorIds"
         FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id
        WHERE r.edition_id = $1
          AND (p.status IN ${JURY_PRACTICE_STATUSES_LIST_SQL} OR EXISTS (SELECT 1 FROM practice_assignment pa WHERE pa.practice_id = p.id))
        ORDER BY c.name, p.title, p.id`,
      [editionId],
    );
  }

  /** The edition's jurors, by name. */
  jurors(manager: EntityManager, editionId: string): Promise<{ jurorId: string; name: string }[]> {
    return queryRows(
      manager,
      `SELECT DISTINCT u.id AS "jurorId", u.name FROM role_grant g JOIN app_user u ON u.id = g.user_id
        WHERE g.edition_id = $1 AND g.role = 'juror' ORDER BY u.name, u.id`,
      [editionId],
    );
  }
}
