// Eligibility for many practices at once: each item is the single decision (same rules, same
// audit and notice) in its own transaction, so a refused item leaves the others decided.
import { Injectable } from '@nestjs/common';
import { Principal, UnitOfWork } from '@app/core';
import { PracticesService } from '../practices/practices.service';
import { refuse, settle, validItem } from './bulk-items';
import { BulkEligibilityItemDto, BulkEligibilityItemResult, BulkEligibilityResult } from './dto/bulk.dto';

@Injectable()
export class BulkEligibilityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly practices: PracticesService,
  ) {}

  async decide(principal: Principal, editionId: string, rawItems: object[]): Promise<BulkEligibilityResult> {
    const seen = new Set<string>();
    const items: BulkEligibilityItemResult[] = [];
    for (const [index, raw] of rawItems.entries()) {
      const practiceId = typeof (raw as { practiceId?: unknown }).practiceId === 'string' ? (raw as { practiceId: string }).practiceId : null;
      const result = await settle(async () => {
        const item = await validItem(BulkEligibilityItemDto, raw);
        // Two decisions on one practice in one request: the first stands, the second is refused.
        if (seen.has(item.practiceId)) throw refuse('duplicate_item', 'An earlier item decides this practice', 'practiceId');
        seen.add(item.practiceId);
        await this.uow.run((tx) => this.practices.decideEligibilityIn(tx, principal, item.practiceId, item, editionId));
        return item.eligible ? 'eligible' : 'ineligible';
      });
      items.push('value' in result ? { index, practiceId, outcome: 'done', status: result.value } : { index, practiceId, outcome: 'refused', refusal: result.refusal });
    }
    const done = items.filter((item) => item.outcome === 'done').length;
    return { items, done, refused: items.length - done };
  }
}
