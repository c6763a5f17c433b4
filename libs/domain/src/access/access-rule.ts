// The shape of the domain's access rules: per object kind, the SQL that loads what the rules look
// at, the rules per permission (pure functions of the principal and that target), and the
// "visible to this principal" predicate that lists and set checks filter by.
import { AccessDecision, grantsOf, Grant, ObjectKind, Permission, Principal } from '@app/core';
import { EditionStage, isAtOrAfter } from '../editions/edition-stage';

/** What the rules need to know about one object, loaded in one query ($1 the id, $2 the caller). */
export interface AccessTarget {
  editionId: string | null;
  cityId: string | null;
  stage: EditionStage | null;
  /** Practices: whether the caller is conflicted with it (conflictedSql: declared, or tied to its city). */
  conflict?: boolean;
  /** Practices and reports: whether the caller is tied to its city (tiedToCitySql, part of the same definition). */
  tied?: boolean;
  /** Practices and reports: whether it (or one of the report's practices) is before the jury. */
  onBallot?: boolean;
  /** Objects with an author (comments): who wrote it. */
  authorId?: string;
}

export type AccessRule = (principal: Principal, target: AccessTarget) => AccessDecision;

export interface ObjectAccessSpec {
  kind: ObjectKind;
  /** One row of AccessTarget for the object $1, as seen by the user $2. */
  targetSql: string;
  rules: Partial<Record<Permission, AccessRule>>;
  /**
   * The objects of this kind the user may see, as a set: `SELECT id … WHERE id = ANY($1) AND <visible to $2>`.
   * Answers like immich's AccessRepository: the permitted subset of the ids asked about.
   */
  visibleIdsSql: string;
  /**
   * Decisions the principal's own grants settle without reading the object, by permission: only
   * where the grant implies that the object exists (a foreign key). Undefined: read the target.
   */
  settledByGrants?: Partial<Record<Permission, (principal: Principal, objectId: string) => AccessDecision | undefined>>;
}

export const jurorGrant = (principal: Principal, editionId: string | null): Grant | undefined =>
  grantsOf(principal, 'juror').find((grant) => grant.editionId === editionId);

export const isExpertOf = (principal: Principal, editionId: string | null, cityId: string | null): boolean =>
  grantsOf(principal, 'expert').some((grant) => grant.editionId === editionId && grant.cityId === cityId);

export const stageAtOrAfter = (target: AccessTarget, stage: EditionStage): boolean => target.stage !== null && isAtOrAfter(target.stage, stage);

/** SQL: whether user `userParam` holds a grant matching `condition` (over role_grant g). */
export const hasGrantSql = (userParam: string, condition: string): string =>
  `EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = ${userParam} AND (${condition}))`;

export const isCoordinatorSql = (userParam: string): string => hasGrantSql(userParam, `g.role = 'coordinator'`);
