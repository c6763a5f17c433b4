// Every statement of the recorded votes on awards, each through the caller's manager.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import { awardConflictedSql } from '../awards/awards.access';
import { VoteChoice } from './award-vote.entity';
import { VoteEntry } from './dto/deliberation.dto';

export interface VoteRoundRow {
  awardId: string;
  editionId: string;
  stage: string;
  openedAt: Date | null;
  closedAt: Date | null;
}

export interface EditionVoteRow {
  awardId: string;
  openedAt: Date;
  closedAt: Date | null;
  votes: VoteEntry[];
}

@Injectable()
export class VotesRepository {
  /** The award with its edition's stage and its vote round, if any; `lock` holds the edition in share mode (finalising waits). */
  async round(manager: EntityManager, awardId: string, lock = false): Promise<VoteRoundRow | undefined> {
    const [row] = await queryRows<VoteRoundRow>(
      manager,
      `SELECT a.id AS "awardId", e.id AS "editionId", e.stage::text AS stage, v.opened_at AS "openedAt", v.closed_at AS "closedAt"
         FROM award a JOIN edition e ON e.id = a.edition_id LEFT JOIN award_vote_round v ON v.award_id = a.id
        WHERE a.id = $1 ${lock ? 'FOR SHARE OF e' : ''}`,
      [awardId],
    );
    return row;
  }

  /** Opens the vote; false when the award already has one (open or closed). */
  async open(manager: EntityManager, awardId: string, userId: string): Promise<boolean> {
    const rows = await queryRows(manager, `INSERT INTO award_vote_round (award_id, opened_by) VALUES ($1, $2) ON CONFLICT (award_id) DO NOTHING RETURNING award_id`, [awardId, userId]);
    return rows.length > 0;
  }

  /** Closes the open vote; false when there is none open. */
  async close(manager: EntityManager, awardId: string, userId: string): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE award_vote_round SET closed_at = now(), closed_by = $2 WHERE award_id = $1 AND closed_at IS NULL RETURNING award_id`,
      [awardId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Records (or changes) the juror's choice while the vote is open, in one statement: the round is
   * read FOR SHARE, so a concurrent close waits for it, and a vote after the close finds no open round.
   */
  async cast(manager: EntityManager, awardId: string, jurorId: string, choice: VoteChoice): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `INSERT INTO award_vote (award_id, juror_id, choice)
       SELECT v.award_id, $2, $3 FROM award_vote_round v WHERE v.award_id = $1 AND v.closed_at IS NULL FOR SHARE
       ON CONFLICT (award_id, juror_id) DO UPDATE SET choice = EXCLUDED.choice, updated_at = now()
       RETURNING award_id`,
      [awardId, jurorId, choice],
    );
    return rows.length > 0;
  }

  votes(manager: EntityManager, awardId: string): Promise<VoteEntry[]> {
    return queryRows(
      manager,
      `SELECT v.juror_id AS "jurorId", u.name AS "jurorName", v.choice FROM award_vote v JOIN app_user u ON u.id = v.juror_id
        WHERE v.award_id = $1 ORDER BY u.name, u.id`,
      [awardId],
    );
  }

  /** The edition's jurors who may vote on the award (not conflicted with it). */
  async eligible(manager: EntityManager, awardId: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      manager,
      `SELECT count(DISTINCT g.user_id)::int AS count FROM award a JOIN role_grant g ON g.role = 'juror' AND g.edition_id = a.edition_id
        WHERE a.id = $1 AND NOT ${awardConflictedSql('g.user_id', 'a')}`,
      [awardId],
    );
    return row.count;
  }

  /** Every vote round of the edition's awards with who voted what (for the protocol). */
  editionRounds(manager: EntityManager, editionId: string): Promise<EditionVoteRow[]> {
    return queryRows(
      manager,
      `SELECT v.award_id AS "awardId", v.opened_at AS "openedAt", v.closed_at AS "closedAt",
              coalesce((SELECT json_agg(json_build_object('jurorId', av.juror_id, 'jurorName', u.name, 'choice', av.choice) ORDER BY u.name, u.id)
                          FROM award_vote av JOIN app_user u ON u.id = av.juror_id WHERE av.award_id = v.award_id), '[]') AS votes
         FROM award_vote_round v JOIN award a ON a.id = v.award_id WHERE a.edition_id = $1`,
      [editionId],
    );
  }
}
