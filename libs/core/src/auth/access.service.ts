// What is left in core of the former access rules: two helpers that jury/ still calls. The rules
// themselves, with the SQL they need, live in the domain (libs/domain/src/*/<domain>.access.ts)
// behind OBJECT_ACCESS. These go once jury/ moves onto the domain's predicates.
import { Injectable } from '@nestjs/common';
import { grantsOf, isCoordinator, Principal } from './principal';

export type { AccessDecision } from './object-access';

/**
 * @deprecated for jury/ only: the list is libs/domain/src/practices/practice-status.ts
 * (JURY_PRACTICE_STATUSES_LIST_SQL); a spec there checks the two agree.
 */
export const JURY_PRACTICE_STATUSES_SQL = `('eligible', 'distinguished', 'notDistinguished')`;

@Injectable()
export class AccessService {
  /**
   * @deprecated for jury/ only: the domain's list predicate is practiceListedTo (practices.access.ts).
   * Practice lists of an edition: a juror never sees the city they are tied to (conflict of interest).
   */
  excludedCityFor(principal: Principal, editionId: string): string | null {
    if (isCoordinator(principal)) return null;
    return grantsOf(principal, 'juror').find((grant) => grant.editionId === editionId)?.cityId ?? null;
  }
}
