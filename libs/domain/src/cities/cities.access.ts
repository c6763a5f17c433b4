// Who may see and act on a city's pages: coordinators manage cities; a city's officials (and
// coordinators) read its status page.
import { grantsOf, isCoordinator, Principal } from '@app/core';
import { hasGrantSql, isCoordinatorSql, ObjectAccessSpec } from '../access/access-rule';
import { coordinatorOnly } from '../editions/editions.access';

/** SQL: the status page of city `alias` is visible to user `userParam`. */
export function cityStatusVisibleTo(alias: string, userParam: string): string {
  return `(${isCoordinatorSql(userParam)} OR ${hasGrantSql(userParam, `g.role = 'cityOfficial' AND g.city_id = ${alias}.id`)})`;
}

const officialOf = (p: Principal, cityId: string | null): boolean => grantsOf(p, 'cityOfficial').some((grant) => grant.cityId === cityId);

export const CITY_ACCESS: ObjectAccessSpec = {
  kind: 'city',
  targetSql: `SELECT NULL::uuid AS "editionId", c.id AS "cityId", NULL::text AS stage FROM city c WHERE c.id = $1`,
  visibleIdsSql: `SELECT c.id FROM city c WHERE c.id = ANY($1::uuid[]) AND ${cityStatusVisibleTo('c', '$2')}`,
  rules: {
    'city.manage': coordinatorOnly,
    'city.status.read': (p, t) => (isCoordinator(p) || officialOf(p, t.cityId) ? 'allow' : 'notFound'),
  },
  // An official's grant names an existing city (role_grant.city_id references city, ON DELETE
  // RESTRICT): their own city's status page needs no read of the city first.
  settledByGrants: {
    'city.status.read': (p, cityId) => (officialOf(p, cityId) ? 'allow' : undefined),
  },
};
