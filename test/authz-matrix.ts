// The authorization matrix: for every route of the running app, the expected outcome for each
// principal. The suite (authz-matrix.e2e-spec.ts) reads the routes from the OpenAPI document and
// fails on a route without a row here, so every new route must be added with its rules.
//
// Outcomes: 'ok' = authorized (any status but 401/403/404: the handler ran, e.g. 200/201/204, or
// 400/409 on the deliberately empty body), 401 = not signed in, 403 = the role may never use the
// route, 404 = the object exists but is not visible to the principal.

export const PRINCIPALS = [
  'anonymous',
  'coordinator',
  'expertSame', // expert of the object's city (Lublin) in the edition
  'expertOther', // expert of another city (Kraków) in the edition
  'juror', // juror of the edition tied to another city (Gdańsk)
  'jurorSame', // juror of the edition tied to the object's city (Lublin)
  'officialSame', // official of the object's city (Lublin)
  'officialOther', // official of another city (Kraków)
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type Outcome = 'ok' | 401 | 403 | 404;

/** Fixture objects a route parameter can point at (see authz-fixtures.ts). */
export type FixtureKey = 'edition' | 'lublin' | 'krakow' | 'disposableUser' | 'someUser' | 'failedNotification';

export interface MatrixRow {
  expect: Record<PrincipalName, Outcome>;
  /** Route parameter → fixture; parameters not listed here fail the suite. */
  params?: Record<string, FixtureKey>;
  /** Sent as the JSON body (default: none, so allowed mutations stop at validation). */
  body?: Record<string, unknown>;
}

/** Outcomes in PRINCIPALS order, e.g. row('401 ok 403 403 403 403 403 403'). */
function row(outcomes: string, extra: Omit<MatrixRow, 'expect'> = {}): MatrixRow {
  const parts = outcomes.trim().split(/\s+/);
  if (parts.length !== PRINCIPALS.length) throw new Error(`row needs ${PRINCIPALS.length} outcomes: ${outcomes}`);
  const expect = Object.fromEntries(
    PRINCIPALS.map((name, i) => [name, parts[i] === 'ok' ? 'ok' : (Number(parts[i]) as Outcome)]),
  ) as Record<PrincipalName, Outcome>;
  return { expect, ...extra };
}

const PUBLIC = 'ok ok ok ok ok ok ok ok';
const SIGNED_IN = '401 ok ok ok ok ok ok ok';
const COORDINATOR = '401 ok 403 403 403 403 403 403';

export const MATRIX: Record<string, MatrixRow> = {
  // health
  'GET /api/health/live': row(PUBLIC),
  'GET /api/health/ready': row(PUBLIC),

  // accounts and auth
  'POST /api/auth/login': row(PUBLIC),
  'POST /api/auth/refresh': row(PUBLIC),
  'POST /api/auth/logout': row(SIGNED_IN),
  'POST /api/invitations/accept': row(PUBLIC),
  'POST /api/auth/password-reset': row(PUBLIC),
  'POST /api/auth/password-reset/confirm': row(PUBLIC),
  'GET /api/me': row(SIGNED_IN),
  'PATCH /api/me': row(SIGNED_IN),
  'POST /api/users': row(COORDINATOR),
  'GET /api/users': row(COORDINATOR),
  'GET /api/users/{userId}': row(COORDINATOR, { params: { userId: 'someUser' } }),
  'POST /api/users/{userId}/disable': row(COORDINATOR, { params: { userId: 'disposableUser' } }),
  'POST /api/users/{userId}/enable': row(COORDINATOR, { params: { userId: 'disposableUser' } }),

  // notifications
  'GET /api/me/notifications': row(SIGNED_IN),
  'GET /api/notifications': row(COORDINATOR),
  'POST /api/notifications/{id}/retry': row(COORDINATOR, { params: { id: 'failedNotification' } }),
  'POST /api/admin/queues/session': row(COORDINATOR),
};
