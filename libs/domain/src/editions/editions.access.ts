// Who may see and act on an edition. Coordinators: everything. Others see the editions of their
// grants, and officials also every edition that has started (they follow their city across them).
// The jury's views of an edition (ballot, results, deliberation) open with the stages.
import { grantsOf, isCoordinator, Principal } from '@app/core';
import { AccessDecision } from '@app/core';
import { AccessTarget, hasGrantSql, isCoordinatorSql, jurorGrant, ObjectAccessSpec, stageAtOrAfter } from '../access/access-rule';

/** SQL: the edition `alias` is visible to user `userParam` (the rule of edition.read). */
export function editionVisibleTo(alias: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)} OR ${hasGrantSql(userParam, `g.edition_id = ${alias}.id OR (g.role = 'cityOfficial' AND ${alias}.stage <> 'draft')`)})`;
}

const coordinatorOnly = (principal: Principal): AccessDecision => (isCoordinator(principal) ? 'allow' : 'notFound');

/** Jurors of the edition see the jury's pages once scoring has closed (blind until then). */
function juryAfterScoring(principal: Principal, target: AccessTarget): AccessDecision {
  if (isCoordinator(principal)) return 'allow';
  if (!jurorGrant(principal, target.editionId)) return 'notFound';
  return stageAtOrAfter(target, 'deliberation') ? 'allow' : 'forbidden';
}

export const EDITION_ACCESS: ObjectAccessSpec = {
  kind: 'edition',
  targetSql: `SELECT e.id AS "editionId", NULL::uuid AS "cityId", e.stage::text AS stage FROM edition e WHERE e.id = $1`,
  visibleIdsSql: `SELECT e.id FROM edition e WHERE e.id = ANY($1::uuid[]) AND ${editionVisibleTo('e', '$2')}`,
  rules: {
    'edition.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      if (p.grants.some((grant) => grant.editionId !== null && grant.editionId === t.editionId)) return 'allow';
      if (grantsOf(p, 'cityOfficial').length > 0 && t.stage !== 'draft') return 'allow';
      return 'notFound';
    },
    'edition.manage': coordinatorOnly,
    'edition.jury.manage': coordinatorOnly,
    'edition.protocol.read': coordinatorOnly,
    'edition.report.create': (p, t) => (grantsOf(p, 'expert').some((grant) => grant.editionId === t.editionId) ? 'allow' : 'notFound'),
    'edition.practices.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      // Translators find what to translate among the submitted practices, from the expert stage on.
      if (grantsOf(p, 'translator').some((grant) => grant.editionId === t.editionId)) return 'allow';
      if (!jurorGrant(p, t.editionId)) return 'notFound';
      return stageAtOrAfter(t, 'juryScoring') ? 'allow' : 'forbidden';
    },
    // The translation work list: coordinators and the edition's translators.
    'edition.translations.read': (p, t) => (isCoordinator(p) || grantsOf(p, 'translator').some((grant) => grant.editionId === t.editionId) ? 'allow' : 'notFound'),
    'edition.ballot.read': (p, t) => (jurorGrant(p, t.editionId) ? 'allow' : 'notFound'),
    'edition.results.read': juryAfterScoring,
    'edition.deliberation.read': juryAfterScoring,
    'edition.deliberation.write': juryAfterScoring,
  },
};

export { coordinatorOnly };
