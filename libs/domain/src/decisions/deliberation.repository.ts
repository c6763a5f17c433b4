// Every statement of the deliberation besides the awards: its notes and the jury's comments read
// for it, with typed rows in and out, each through the manager of the caller's transaction.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { awardConflictedSql } from '../awards/awards.access';
import { visibleToSql } from '../jury/conflicts.access';
import { onBallotSql } from '../practices/practices.access';
import { DeliberationNoteView, JurorCommentView } from './dto/decisions.dto';

/** What a note is linked to: a practice or an award (or nothing). */
export interface NoteLink {
  practiceId?: string | null;
  awardId?: string | null;
}

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

  /** Records the note (its text as given, its optional link) and returns its id. */
  async insertNote(manager: EntityManager, editionId: string, authorId: string, text: string, link: NoteLink = {}): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_note (edition_id, author_id, text, practice_id, award_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [editionId, authorId, text, link.practiceId ?? null, link.awardId ?? null],
    );
    return row.id;
  }

  /** Whether the practice is before the jury in the edition and visible to the viewer (null: a coordinator). */
  async practiceLinkable(manager: EntityManager, editionId: string, practiceId: string, viewer: string | null): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `SELECT 1 FROM practice p JOIN report r ON r.id = p.report_id
        WHERE p.id = $1 AND r.edition_id = $2 AND ${onBallotSql('p')} AND ${visibleToSql('$3', 'p.id', 'r.edition_id', 'r.city_id')}`,
      [practiceId, editionId, viewer],
    );
    return rows.length > 0;
  }

  /** Whether the award is of the edition and the viewer is not conflicted with it (null: a coordinator). */
  async awardLinkable(manager: EntityManager, editionId: string, awardId: string, viewer: string | null): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `SELECT 1 FROM award a WHERE a.id = $1 AND a.edition_id = $2 AND ($3::uuid IS NULL OR NOT ${awardConflictedSql('$3::uuid', 'a')})`,
      [awardId, editionId, viewer],
    );
    return rows.length > 0;
  }

  /**
   * The edition's notes with their authors and links, oldest first; for a viewer (a juror), without
   * the notes linked to a practice or an award they are conflicted with. `only` narrows to one link or one note.
   */
  notes(manager: EntityManager, editionId: string, viewer: string | null = null, only: NoteLink & { id?: string } = {}): Promise<DeliberationNoteView[]> {
    return queryRows(
      manager,
      `SELECT n.id, n.author_id AS "authorId", u.name AS "authorName", n.text, n.created_at AS "createdAt",
              n.practice_id AS "practiceId", p.title AS "practiceTitle", n.award_id AS "awardId",
              CASE WHEN a.id IS NULL THEN NULL ELSE coalesce(a.recipient_unit, ac.name) END AS "awardLabel"
         FROM deliberation_note n JOIN app_user u ON u.id = n.author_id
         LEFT JOIN practice p ON p.id = n.practice_id LEFT JOIN report r ON r.id = p.report_id
         LEFT JOIN award a ON a.id = n.award_id LEFT JOIN city ac ON ac.id = a.city_id
        WHERE n.edition_id = $1
          AND (p.id IS NULL OR ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')})
          AND (a.id IS NULL OR $2::uuid IS NULL OR NOT ${awardConflictedSql('$2::uuid', 'a')})
          AND ($3::uuid IS NULL OR n.practice_id = $3) AND ($4::uuid IS NULL OR n.award_id = $4)
          AND ($5::uuid IS NULL OR n.id = $5)
        ORDER BY n.created_at, n.id`,
      [editionId, viewer, only.practiceId ?? null, only.awardId ?? null, only.id ?? null],
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
