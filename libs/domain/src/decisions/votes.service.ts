// The optional recorded vote on an award. Who may act is decided by the access rules (award.vote.*:
// the coordinator opens and closes it; jurors not conflicted with the award vote, from deliberation
// on); here, when: votes are opened, cast and closed only in stage deliberation, a choice may change
// while the vote is open, and jurors see the others' choices only once it is closed (or the
// edition decided), as scores stay hidden until scoring closes. The result goes into the protocol.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, isCoordinator, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { isAtOrAfter, EditionStage } from '../editions/edition-stage';
import { VOTE_CHOICES, VoteChoice } from './award-vote.entity';
import { AwardVoteView, VoteCounts, VoteEntry } from './dto/deliberation.dto';
import { EditionVoteRow, VoteRoundRow, VotesRepository } from './votes.repository';

export function countVotes(votes: readonly { choice: VoteChoice }[]): VoteCounts {
  const counts: VoteCounts = { for: 0, against: 0, abstain: 0 };
  for (const vote of votes) if (VOTE_CHOICES.includes(vote.choice)) counts[vote.choice] += 1;
  return counts;
}

@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly votes: VotesRepository,
  ) {}

  view(principal: Principal, awardId: string): Promise<AwardVoteView> {
    return this.viewIn(this.dataSource.manager, principal, awardId);
  }

  async manage(principal: Principal, awardId: string, action: 'open' | 'close'): Promise<AwardVoteView> {
    return this.uow.run(async ({ manager }) => {
      const round = await this.inDeliberation(manager, awardId);
      if (action === 'open' && !(await this.votes.open(manager, awardId, principal.userId))) {
        throw new ConflictError('vote_exists', round.closedAt ? 'The vote on this award is closed; its result is kept' : 'The vote on this award is already open');
      }
      if (action === 'close' && !(await this.votes.close(manager, awardId, principal.userId))) {
        throw new ConflictError('vote_not_open', 'There is no open vote on this award');
      }
      await this.audit.record(
        { actorId: principal.userId, action: `award.vote.${action}`, objectType: 'award', objectId: awardId, outcome: 'success', details: { editionId: round.editionId } },
        manager,
      );
      return this.viewIn(manager, principal, awardId);
    });
  }

  async cast(principal: Principal, awardId: string, choice: VoteChoice): Promise<AwardVoteView> {
    return this.uow.run(async ({ manager }) => {
      const round = await this.inDeliberation(manager, awardId);
      if (!(await this.votes.cast(manager, awardId, principal.userId, choice))) {
        throw new ConflictError('vote_not_open', round.closedAt ? 'The vote on this award is closed' : 'No vote is open on this award');
      }
      await this.audit.record(
        { actorId: principal.userId, action: 'award.vote.cast', objectType: 'award', objectId: awardId, outcome: 'success', details: { editionId: round.editionId } },
        manager,
      );
      return this.viewIn(manager, principal, awardId);
    });
  }

  /** The vote rounds of the edition's awards by award id, for the protocol. */
  async editionResults(editionId: string): Promise<Map<string, EditionVoteRow & { counts: VoteCounts }>> {
    const rounds = await this.votes.editionRounds(this.dataSource.manager, editionId);
    return new Map(rounds.map((round) => [round.awardId, { ...round, counts: countVotes(round.votes) }]));
  }

  private async inDeliberation(manager: EntityManager, awardId: string): Promise<VoteRoundRow> {
    const round = await this.votes.round(manager, awardId, true);
    if (!round) throw new NotFoundError('Award');
    if (round.stage !== 'deliberation') {
      throw new ConflictError('wrong_stage', `Votes on awards are taken only in stage deliberation (the edition is in ${round.stage})`, { stage: round.stage });
    }
    return round;
  }

  private async viewIn(manager: EntityManager, principal: Principal, awardId: string): Promise<AwardVoteView> {
    const round = await this.votes.round(manager, awardId);
    if (!round) throw new NotFoundError('Award');
    const [votes, eligible] = round.openedAt ? await Promise.all([this.votes.votes(manager, awardId), this.votes.eligible(manager, awardId)]) : [[] as VoteEntry[], await this.votes.eligible(manager, awardId)];
    const status = !round.openedAt ? 'none' : round.closedAt ? 'closed' : 'open';
    const revealed = isCoordinator(principal) || status === 'closed' || isAtOrAfter(round.stage as EditionStage, 'decided');
    return {
      awardId,
      status,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      accepting: status === 'open' && round.stage === 'deliberation',
      cast: votes.length,
      eligible,
      mine: votes.find((vote) => vote.jurorId === principal.userId)?.choice ?? null,
      counts: revealed && status !== 'none' ? countVotes(votes) : null,
      votes: revealed && status !== 'none' ? votes : null,
    };
  }
}
