// Awards from a ranking selection: each item is the single award (same coverage, duplicate and
// stage rules, same audit) in its own transaction, so a refused item leaves the others recorded.
import { Injectable } from '@nestjs/common';
import { Principal } from '@app/core';
import { DecisionsService } from '../decisions/decisions.service';
import { CreateAwardDto } from '../decisions/dto/decisions.dto';
import { settle, validItem } from './bulk-items';
import { BulkAwardItemResult, BulkAwardsResult } from './dto/bulk.dto';

const practiceIdsOf = (raw: object): string[] => {
  const ids = (raw as { practiceIds?: unknown }).practiceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

@Injectable()
export class BulkAwardsService {
  constructor(private readonly decisions: DecisionsService) {}

  async create(principal: Principal, editionId: string, rawItems: object[]): Promise<BulkAwardsResult> {
    const items: BulkAwardItemResult[] = [];
    for (const [index, raw] of rawItems.entries()) {
      const practiceIds = practiceIdsOf(raw);
      const result = await settle(async () => this.decisions.createAward(principal, editionId, await validItem(CreateAwardDto, raw)));
      items.push('value' in result ? { index, practiceIds, outcome: 'done', awardId: result.value.id } : { index, practiceIds, outcome: 'refused', refusal: result.refusal });
    }
    const done = items.filter((item) => item.outcome === 'done').length;
    return { items, done, refused: items.length - done };
  }
}
