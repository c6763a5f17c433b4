// Every statement of the practices' deliberation threads, each through the caller's manager.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { isCoordinatorSql } from '../access/access-rule';
import { PracticeCommentView } from './dto/deliberation.dto';

export interface ThreadPracticeRow {
  practiceId: string;
  practiceTitle: string;
  cityName: string;
  editionId: string;
  stage: string;
}

const COMMENT_COLUMNS = `pc.id, pc.practice_id AS "practiceId", pc.author_id AS "authorId", u.name AS "authorName",
  CASE WHEN ${isCoordinatorSql('pc.author_id')} THEN 'coordinator' ELSE 'juror' END AS "authorRole",
  pc.body, pc.created_at AS "createdAt", pc.edited_at AS "editedAt"`;

@Injectable()
export class CommentsRepository {
  /** The practice with its edition's stage; `lock` holds the edition in share mode (finalising waits for the write, then sees it). */
  async practice(manager: EntityManager, practiceId: string, lock = false): Promise<ThreadPracticeRow | undefined> {
    const [row] = await queryRows<ThreadPracticeRow>(
      manager,
      `SELECT p.id AS "practiceId", p.title AS "practiceTitle", c.name AS "cityName", e.id AS "editionId", e.stage::text AS stage
         FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id JOIN edition e ON e.id = r.edition_id
        WHERE p.id = $1 ${lock ? 'FOR SHARE OF e' : ''}`,
      [practiceId],
    );
    return row;
  }

  /** The practice a comment belongs to and its author. */
  async commentHead(manager: EntityManager, commentId: string): Promise<{ practiceId: string; authorId: string } | undefined> {
    const [row] = await queryRows<{ practiceId: string; authorId: string }>(
      manager,
      `SELECT practice_id AS "practiceId", author_id AS "authorId" FROM practice_comment WHERE id = $1`,
      [commentId],
    );
    return row;
  }

  comments(manager: EntityManager, practiceId: string): Promise<PracticeCommentView[]> {
    return queryRows(
      manager,
      `SELECT ${COMMENT_COLUMNS} FROM practice_comment pc JOIN app_user u ON u.id = pc.author_id
        WHERE pc.practice_id = $1 ORDER BY pc.created_at, pc.id`,
      [practiceId],
    );
  }

  async insert(manager: EntityManager, practiceId: string, authorId: string, body: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO practice_comment (practice_id, author_id, body) VALUES ($1, $2, $3) RETURNING id`,
      [practiceId, authorId, body],
    );
    return row.id;
  }

  async find(manager: EntityManager, commentId: string): Promise<PracticeCommentView | undefined> {
    const [row] = await queryRows<PracticeCommentView>(
      manager,
      `SELECT ${COMMENT_COLUMNS} FROM practice_comment pc JOIN app_user u ON u.id = pc.author_id WHERE pc.id = $1`,
      [commentId],
    );
    return row;
  }

  /** Changes the body when `authorId` wrote it; false when not (or gone). */
  async update(manager: EntityManager, commentId: string, authorId: string, body: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE practice_comment SET body = $3, edited_at = now() WHERE id = $1 AND author_id = $2 RETURNING id`,
      [commentId, authorId, body],
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, commentId: string, authorId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(manager, `DELETE FROM practice_comment WHERE id = $1 AND author_id = $2 RETURNING id`, [commentId, authorId]);
    return rows.length > 0;
  }
}
