// The authorization matrix: for every route of the running app, the expected outcome for each
// principal. The suite (authz-matrix.e2e-spec.ts) reads the routes from the OpenAPI document and
// fails on a route without a row here, so every new route must be added with its rules.
//
// Outcomes: 'ok' = authorized (a status below 500 other than 401/403/404: the handler ran, e.g.
// 200/201/204, or 400/409 on the deliberately empty body; a 5xx is always a failure), 401 = not signed in, 403 = the role may never use the
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
export type FixtureKey =
  | 'edition'
  | 'category'
  | 'disposableCategory'
  | 'lublin'
  | 'krakow'
  | 'disposableUser'
  | 'someUser'
  | 'lublinReport'
  | 'lublinPractice'
  | 'disposablePractice'
  | 'lublinFile'
  | 'disposableFile'
  | 'spareExpertAssignment'
  | 'spareJurorAssignment'
  | 'spareOfficialAssignment'
  | 'spareTranslatorAssignment'
  | 'language'
  | 'lublinAward'
  | 'lublinComment'
  | 'lublinFollowUp'
  | 'publishedYear'
  | 'publicPractice'
  | 'certificateCode'
  | 'failedNotification'
  | 'disposablePanel'
  | 'mailTemplate'
  | 'mailLanguage';

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
const EDITION_MEMBERS = '401 ok ok ok ok ok ok ok'; // stage reportsOpen: officials see started editions
const REPORT_READERS = '401 ok ok 404 403 403 403 403';
const REPORT_WRITERS = '401 403 ok 404 403 403 403 403';
const EVIDENCE_READERS = '401 ok ok 404 404 403 403 403'; // jurors only from juryScoring, never their own city
const TRANSLATORS = '401 ok ok 404 403 403 403 403'; // the practice's expert, coordinators (and the edition's translators)

export const MATRIX: Record<string, MatrixRow> = {
  // health
  'GET /api/health/live': row(PUBLIC),
  'GET /api/health/ready': row(PUBLIC),
  // Not a user route: open to loopback (where this matrix runs) whoever asks; from elsewhere only with
  // METRICS_TOKEN (401 without it, 403 when none is configured): test/metrics.e2e-spec.ts.
  'GET /api/metrics': row(PUBLIC),

  // accounts and auth
  'POST /api/auth/login': row(PUBLIC),
  'POST /api/auth/refresh': row(PUBLIC),
  'POST /api/auth/logout': row(SIGNED_IN),
  'POST /api/invitations/accept': row(PUBLIC),
  'POST /api/auth/password-reset': row(PUBLIC),
  'POST /api/auth/password-reset/confirm': row(PUBLIC),
  'GET /api/me': row(SIGNED_IN),
  'PATCH /api/me': row(SIGNED_IN),
  'GET /api/me/data': row(SIGNED_IN),
  'POST /api/users': row(COORDINATOR),
  'GET /api/users': row(COORDINATOR),
  'GET /api/users/{userId}': row(COORDINATOR, { params: { userId: 'someUser' } }),
  'POST /api/users/{userId}/disable': row(COORDINATOR, { params: { userId: 'disposableUser' } }),
  'POST /api/users/{userId}/enable': row(COORDINATOR, { params: { userId: 'disposableUser' } }),
  'POST /api/users/{userId}/erase': row(COORDINATOR, { params: { userId: 'disposableUser' } }),

  // editions, categories, assignments (the fixture edition is in stage reportsOpen)
  'GET /api/editions': row(SIGNED_IN),
  'POST /api/editions': row(COORDINATOR),
  'GET /api/editions/{id}': row(EDITION_MEMBERS, { params: { id: 'edition' } }),
  'PATCH /api/editions/{id}': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/transitions': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/transitions': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/categories': row(EDITION_MEMBERS, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/categories': row(COORDINATOR, { params: { id: 'edition' } }),
  'PATCH /api/categories/{id}': row(COORDINATOR, { params: { id: 'category' } }),
  'DELETE /api/categories/{id}': row(COORDINATOR, { params: { id: 'disposableCategory' } }),
  'GET /api/editions/{id}/experts': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/experts': row(COORDINATOR, { params: { id: 'edition' } }),
  'DELETE /api/editions/{id}/experts/{assignmentId}': row(COORDINATOR, { params: { id: 'edition', assignmentId: 'spareExpertAssignment' } }),
  'GET /api/editions/{id}/jurors': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/jurors': row(COORDINATOR, { params: { id: 'edition' } }),
  'DELETE /api/editions/{id}/jurors/{assignmentId}': row(COORDINATOR, { params: { id: 'edition', assignmentId: 'spareJurorAssignment' } }),

  // cities and officials
  'GET /api/cities': row(SIGNED_IN),
  'POST /api/cities': row(COORDINATOR),
  'GET /api/cities/{id}/officials': row(COORDINATOR, { params: { id: 'lublin' } }),
  'POST /api/cities/{id}/officials': row(COORDINATOR, { params: { id: 'lublin' } }),
  'DELETE /api/cities/{id}/officials/{assignmentId}': row(COORDINATOR, { params: { id: 'lublin', assignmentId: 'spareOfficialAssignment' } }),
  'GET /api/cities/{id}/status': row('401 ok 403 403 403 403 ok 404', { params: { id: 'lublin' } }),

  // the expert stage (objects of Lublin; the report is a draft with a practice and a file)
  'POST /api/editions/{id}/reports': row('401 403 ok ok 403 403 403 403', { params: { id: 'edition' } }),
  'GET /api/editions/{id}/practices': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  'GET /api/me/reports': row(SIGNED_IN), // scoped to the caller's own expert grants
  'GET /api/reports/{id}': row(REPORT_READERS, { params: { id: 'lublinReport' } }),
  'PATCH /api/reports/{id}': row(REPORT_WRITERS, { params: { id: 'lublinReport' } }),
  'POST /api/reports/{id}/submit': row(REPORT_WRITERS, { params: { id: 'lublinReport' } }),
  'POST /api/reports/{id}/practices': row(REPORT_WRITERS, { params: { id: 'lublinReport' } }),
  'GET /api/practices/{id}': row(EVIDENCE_READERS, { params: { id: 'lublinPractice' } }),
  'GET /api/practices/{id}/evidence': row(EVIDENCE_READERS, { params: { id: 'lublinPractice' } }),
  'PATCH /api/practices/{id}': row(REPORT_WRITERS, { params: { id: 'lublinPractice' } }),
  'DELETE /api/practices/{id}': row(REPORT_WRITERS, { params: { id: 'disposablePractice' } }),
  'POST /api/practices/{id}/eligibility': row(COORDINATOR, { params: { id: 'lublinPractice' } }),

  // corrections (coordinators only; without a body each stops at validation)
  'POST /api/reports/{id}/reopen': row(COORDINATOR, { params: { id: 'lublinReport' } }),
  'POST /api/practices/{id}/eligibility-revision': row(COORDINATOR, { params: { id: 'lublinPractice' } }),
  'POST /api/editions/{id}/step-back': row(COORDINATOR, { params: { id: 'edition' } }),
  'PUT /api/editions/{id}/experts/{assignmentId}/extension': row(COORDINATOR, { params: { id: 'edition', assignmentId: 'spareExpertAssignment' } }),
  'PUT /api/editions/{id}/jurors/{assignmentId}/extension': row(COORDINATOR, { params: { id: 'edition', assignmentId: 'spareJurorAssignment' } }),
  // mail to groups (coordinators only; without a body preview and send stop at validation)
  'POST /api/editions/{id}/group-mails/preview': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/group-mails': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/group-mails': row(COORDINATOR, { params: { id: 'edition' } }),
  // jury panels and assignment (coordinators only; jurors meet theirs through the ballot)
  'GET /api/editions/{id}/panels': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/panels': row(COORDINATOR, { params: { id: 'edition' } }),
  'PATCH /api/editions/{id}/panels/{panelId}': row(COORDINATOR, { params: { id: 'edition', panelId: 'disposablePanel' } }),
  'DELETE /api/editions/{id}/panels/{panelId}': row(COORDINATOR, { params: { id: 'edition', panelId: 'disposablePanel' } }),
  'PUT /api/editions/{id}/panels/{panelId}/members': row(COORDINATOR, { params: { id: 'edition', panelId: 'disposablePanel' } }),
  'GET /api/editions/{id}/assignments': row(COORDINATOR, { params: { id: 'edition' } }),
  'PUT /api/editions/{id}/assignments': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/assignments/suggestion': row(COORDINATOR, { params: { id: 'edition' } }),
  // the edition's mail templates (coordinators only; without a body PUT and preview stop at validation)
  'GET /api/editions/{id}/mail-templates': row(COORDINATOR, { params: { id: 'edition' } }),
  'PUT /api/editions/{id}/mail-templates/{key}/{lang}': row(COORDINATOR, { params: { id: 'edition', key: 'mailTemplate', lang: 'mailLanguage' } }),
  'DELETE /api/editions/{id}/mail-templates/{key}/{lang}': row(COORDINATOR, { params: { id: 'edition', key: 'mailTemplate', lang: 'mailLanguage' } }),
  'POST /api/editions/{id}/mail-templates/{key}/{lang}/preview': row(COORDINATOR, { params: { id: 'edition', key: 'mailTemplate', lang: 'mailLanguage' } }),
  // content translations
  'GET /api/practices/{id}/translations': row(TRANSLATORS, { params: { id: 'lublinPractice' } }),
  'PUT /api/practices/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinPractice', lang: 'language' } }),
  'DELETE /api/practices/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinPractice', lang: 'language' } }),
  'GET /api/reports/{id}/translations': row(TRANSLATORS, { params: { id: 'lublinReport' } }),
  'PUT /api/reports/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinReport', lang: 'language' } }),
  'DELETE /api/reports/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinReport', lang: 'language' } }),
  // an edition's own texts: coordinators and the edition's translators (experts never)
  'GET /api/categories/{id}/translations': row(COORDINATOR, { params: { id: 'category' } }),
  'PUT /api/categories/{id}/translations/{lang}': row(COORDINATOR, { params: { id: 'category', lang: 'language' } }),
  'DELETE /api/categories/{id}/translations/{lang}': row(COORDINATOR, { params: { id: 'category', lang: 'language' } }),
  'GET /api/categories/{id}/name-translations': row(COORDINATOR, { params: { id: 'category' } }),
  'PUT /api/categories/{id}/name-translations/{lang}': row(COORDINATOR, { params: { id: 'category', lang: 'language' } }),
  'DELETE /api/categories/{id}/name-translations/{lang}': row(COORDINATOR, { params: { id: 'category', lang: 'language' } }),
  'GET /api/awards/{id}/translations': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  'PUT /api/awards/{id}/translations/{lang}': row(COORDINATOR, { params: { id: 'lublinAward', lang: 'language' } }),
  'DELETE /api/awards/{id}/translations/{lang}': row(COORDINATOR, { params: { id: 'lublinAward', lang: 'language' } }),
  'GET /api/follow-ups/{id}/translations': row(TRANSLATORS, { params: { id: 'lublinFollowUp' } }),
  'PUT /api/follow-ups/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinFollowUp', lang: 'language' } }),
  'DELETE /api/follow-ups/{id}/translations/{lang}': row(TRANSLATORS, { params: { id: 'lublinFollowUp', lang: 'language' } }),
  'GET /api/editions/{id}/translation-items': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/translation-coverage': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/translators': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/translators': row(COORDINATOR, { params: { id: 'edition' } }),
  'DELETE /api/editions/{id}/translators/{assignmentId}': row(COORDINATOR, { params: { id: 'edition', assignmentId: 'spareTranslatorAssignment' } }),
  'POST /api/reports/{id}/files': row(REPORT_WRITERS, { params: { id: 'lublinReport' } }),
  'GET /api/reports/{id}/files/{fileId}': row(EVIDENCE_READERS, { params: { id: 'lublinReport', fileId: 'lublinFile' } }),
  'DELETE /api/reports/{id}/files/{fileId}': row(REPORT_WRITERS, { params: { id: 'lublinReport', fileId: 'disposableFile' } }),
  'GET /api/reports/{id}/previous-distinctions': row(REPORT_READERS, { params: { id: 'lublinReport' } }),
  'POST /api/reports/{id}/follow-ups': row(REPORT_WRITERS, { params: { id: 'lublinReport' } }),

  // the jury stage, seen in stage reportsOpen (jury-stage-specific access is in jury.e2e-spec.ts)
  'GET /api/editions/{id}/ballot': row('401 403 403 403 ok ok 403 403', { params: { id: 'edition' } }),
  'PUT /api/practices/{id}/scores/mine': row('401 403 403 403 ok 403 403 403', { params: { id: 'lublinPractice' } }),
  'POST /api/practices/{id}/conflicts': row('401 403 403 403 ok 403 403 403', { params: { id: 'lublinPractice' } }),
  'GET /api/editions/{id}/conflicts': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/jury-progress': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/results': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  'GET /api/editions/{id}/agreement': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/scores.csv': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/results.xlsx': row(COORDINATOR, { params: { id: 'edition' } }),
  'GET /api/editions/{id}/results.csv': row(COORDINATOR, { params: { id: 'edition' } }),

  // deliberation and decisions (jurors only from deliberation: the fixture edition is earlier)
  'GET /api/editions/{id}/awards': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  'POST /api/editions/{id}/awards': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/awards/bulk': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/eligibility/bulk': row(COORDINATOR, { params: { id: 'edition' } }),
  'POST /api/editions/{id}/people/import': row(COORDINATOR, { params: { id: 'edition' } }),
  'PATCH /api/awards/{id}': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  'DELETE /api/awards/{id}': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  'GET /api/editions/{id}/deliberation-notes': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  'POST /api/editions/{id}/deliberation-notes': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  'GET /api/editions/{id}/comments': row('401 ok 403 403 403 403 403 403', { params: { id: 'edition' } }),
  // deliberation per practice (jurors only from deliberation, never conflicted: deliberation.e2e-spec.ts;
  // the coordinator's writes here answer 409 wrong_stage)
  'GET /api/practices/{id}/comments': row('401 ok 403 403 403 403 403 403', { params: { id: 'lublinPractice' } }),
  'POST /api/practices/{id}/comments': row('401 ok 403 403 403 403 403 403', { params: { id: 'lublinPractice' }, body: { body: 'Uwaga' } }),
  'PATCH /api/comments/{id}': row('401 ok 403 403 403 403 403 403', { params: { id: 'lublinComment' }, body: { body: 'Poprawka' } }),
  'DELETE /api/comments/{id}': row('401 ok 403 403 403 403 403 403', { params: { id: 'lublinComment' } }),
  'GET /api/awards/{id}/votes': row('401 ok 403 403 403 403 403 403', { params: { id: 'lublinAward' } }),
  'POST /api/awards/{id}/votes': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  'PUT /api/awards/{id}/votes/mine': row('401 403 403 403 403 403 403 403', { params: { id: 'lublinAward' } }),

  // the public read API
  'GET /api/public/editions': row(PUBLIC),
  'GET /api/public/editions/{year}/awards': row(PUBLIC, { params: { year: 'publishedYear' } }),
  'GET /api/public/practices': row(PUBLIC),
  'GET /api/public/practices/{id}': row(PUBLIC, { params: { id: 'publicPractice' } }),
  'GET /api/public/catalogue.json': row(PUBLIC),
  'GET /api/public/catalogue.csv': row(PUBLIC),
  'GET /api/public/feed.atom': row(PUBLIC),
  'GET /api/public/statistics': row(PUBLIC),

  // the audit trail
  'GET /api/audit-events': row(COORDINATOR),
  'GET /api/audit-events.csv': row(COORDINATOR),
  // certificates and the jury's protocol
  'GET /api/public/certificates/{code}': row(PUBLIC, { params: { code: 'certificateCode' } }),
  'GET /api/public/certificates/{code}/pdf': row(PUBLIC, { params: { code: 'certificateCode' } }),
  'GET /api/awards/{id}/certificates': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  'GET /api/awards/{id}/certificate.pdf': row(COORDINATOR, { params: { id: 'lublinAward' } }),
  // The edition is in reportsOpen: the coordinator's request is authorized and answers 409 wrong_stage.
  'GET /api/editions/{id}/protocol.pdf': row(COORDINATOR, { params: { id: 'edition' } }),

  // notifications
  'GET /api/me/notifications': row(SIGNED_IN),
  'GET /api/notifications': row(COORDINATOR),
  'POST /api/notifications/{id}/retry': row(COORDINATOR, { params: { id: 'failedNotification' } }),
  'POST /api/admin/queues/session': row(COORDINATOR),
};
