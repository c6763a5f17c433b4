// Every statement of the deliberation besides the awards: its notes and the jury's comments read
// for it, with typed rows in and out, each through the manager of the caller's transaction.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { visibleToSql } from '../jury/conflicts.access';
import { DeliberationNoteView, JurorCommentView } from './dto/decisions.dto';

@Injectable()
export class DeliberationRepository {
  /**
   * The edition's stage, its row held in share mode until the transaction ends (undefined: no such
   * edition): notes may be added side by side, while finalising (FOR UPDATE) waits for them and
   * then sees them.
   */
  async shareEdition(manager: EntityManager, editionId: string): Promise<string | undefined> {
    const [edition] = await queryRows<{ stage: string }>(manager, `SELECT stage FROM edition WHERE id = $1 FOR SHARE`, [editionId]);
    return edition?.stage;
  }

  /** Records the note (its text as given) and returns its id and time. */
  async insertNote(manager: EntityManager, editionId: string, authorId: string, text: string): Promise<{ id: string; createdAt: Date }> {
    const [row] = await queryRows<{ id: string; createdAt: Date }>(
      manager,
      `INSERT INTO deliberation_note (edition_id, author_id, text) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"`,
      [editionId, authorId, text],
    );
    return row;
  }

  /** The edition's notes with their authors, oldest first. */
  notes(manager: EntityManager, editionId: string): Promise<DeliberationNoteView[]> {
    return queryRows(
      manager,
      `SELECT n.id, n.author_id AS "authorId", u.name AS "authorName", n.text, n.created_at AS "createdAt"
         FROM deliberation_note n JOIN app_user u ON u.id = n.author_id WHERE n.edition_id = $1 ORDER BY n.created_at`,
      [editionId],
    );
  }

  /** Every juror's comment with the practice it is about, without the practices the viewer is conflicted with (null: nobody's). */
  comments(manager: EntityManager, editionId: string, viewer: string | null): Promise<JurorCommentView[]> {
    return queryRows(
      manager,
      `SELECT s.practice_id AS "practiceId", p.title AS "practiceTitle", c.name AS "cityName", s.juror_id AS "jurorId",
              u.name AS "jurorName", s.comment, s.updated_at AS "updatedAt"
         FROM score s JOIN practice p ON p.id = s.practice_id JOIN report r ON r.id = p.report_id
         JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = s.juror_id
        WHERE s.edition_id = $1 AND s.comment IS NOT NULL
          AND ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')}
        ORDER BY c.name, p.title, u.name`,
      [editionId, viewer],
    );
  }
}
