// The jury's protocol for the coordinator, generated on demand from deliberation on: the same
// ranking GET /results gives (ResultsService), the same agreement, conflicts and awards as their
// own routes, with the edition's jurors and stage history. Final once the edition is decided.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, Principal } from '@app/core';
import { DecisionsService } from '../decisions/decisions.service';
import { VotesService } from '../decisions/votes.service';
import { isAtOrAfter } from '../editions/edition-stage';
import { ResultMethod } from '../jury/dto/jury.dto';
import { JuryService } from '../jury/jury.service';
import { ResultsService } from '../jury/results.service';
import { renderProtocol } from './protocol-pdf';
import { ProtocolRepository } from './protocol.repository';

/** The coverage threshold GET /results uses by default (it does not change the ranking). */
const MIN_SCORES = 3;

@Injectable()
export class ProtocolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ProtocolRepository,
    private readonly results: ResultsService,
    private readonly jury: JuryService,
    private readonly decisions: DecisionsService,
    private readonly votes: VotesService,
  ) {}

  async render(principal: Principal, editionId: string, method: ResultMethod): Promise<{ pdf: Buffer; final: boolean; filename: string }> {
    const manager = this.dataSource.manager;
    const edition = await this.repository.edition(manager, editionId);
    if (!edition) throw new NotFoundError('Edition');
    if (!isAtOrAfter(edition.stage, 'deliberation')) {
      throw new ConflictError('wrong_stage', `The jury's protocol exists from stage deliberation on (the edition is in ${edition.stage})`, { stage: edition.stage });
    }
    const [jurors, conflicts, results, agreement, awards, history, votes] = await Promise.all([
      this.repository.jurors(manager, editionId),
      this.jury.conflicts(editionId),
      this.results.results(editionId, method, null, MIN_SCORES, null),
      this.results.agreement(editionId),
      this.decisions.listAwards(editionId),
      this.repository.stageHistory(manager, editionId),
      this.votes.editionResults(editionId),
    ]);
    const final = isAtOrAfter(edition.stage, 'decided');
    const pdf = await renderProtocol({ edition, final, generatedAt: new Date(), jurors, conflicts, results, agreement, awards, history, votes, coordinatorName: principal.name });
    return { pdf, final, filename: `protokol-jury-${edition.year}${final ? '' : '-projekt'}.pdf` };
  }
}
