// The registry of who hears about what: one entry per outbox event type, saying which mails it
// sends (template) and to whom (SQL over the grants, run when the event is fanned out, not when it
// was written). Adding an event is one entry here plus its templates in pl, en and uk.
import { OutboxEventPayloads, OutboxEventType } from '@app/core';
import { conflictedSql } from '../jury/conflicts.access';
import { onBallotByAssignmentSql } from '../jury/panels.access';
import { TemplateKey } from './templates/facts';

/** A query returning `user_id` rows; its parameters are $1..$n. */
export interface Audience {
  sql: string;
  params: unknown[];
}

export interface FanOut {
  template: TemplateKey;
  /** Everyone in any of these gets the mail once (a person in two audiences gets one). */
  audiences: Audience[];
  /** Ids the template's facts are loaded from at send time. */
  context: Record<string, string>;
  /** What makes two mails "the same" for one person; default: this event and this template. */
  dedupeKey?: string;
  /** Sends only if this query returns a row (e.g. the edition has a ceremony date). */
  onlyIf?: Audience;
}

export type NotificationRule<T extends OutboxEventType> = (payload: OutboxEventPayloads[T]) => FanOut[];

/** People who can still be told something: every account that is not disabled. */
const reachable = `JOIN app_user u ON u.id = g.user_id AND u.status <> 'disabled'`;

export const AUDIENCES = {
  user: (userId: string, status: 'active' | 'notDisabled'): Audience => ({
    sql: `SELECT u.id AS user_id FROM app_user u WHERE u.id = $1 AND ${status === 'active' ? `u.status = 'active'` : `u.status <> 'disabled'`}`,
    params: [userId],
  }),
  coordinators: (): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable} WHERE g.role = 'coordinator'`,
    params: [],
  }),
  jurors: (editionId: string): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable} WHERE g.role = 'juror' AND g.edition_id = $1`,
    params: [editionId],
  }),
  experts: (editionId: string): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable} WHERE g.role = 'expert' AND g.edition_id = $1`,
    params: [editionId],
  }),
  /** Officials of every city taking part in the edition (a city with an expert assigned in it). */
  officialsOfEdition: (editionId: string): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable}
           WHERE g.role = 'cityOfficial'
             AND g.city_id IN (SELECT x.city_id FROM role_grant x WHERE x.role = 'expert' AND x.edition_id = $1)`,
    params: [editionId],
  }),
  // The audiences below read the expert-stage tables (report, practice) and the jury's
  // (score, conflict_of_interest) as issue 4 and the jury stage define them.
  officialsOfReportCity: (reportId: string): Audience => ({
    sql: `SELECT g.user_id FROM report r JOIN role_grant g ON g.role = 'cityOfficial' AND g.city_id = r.city_id ${reachable}
           WHERE r.id = $1`,
    params: [reportId],
  }),
  expertOfPractice: (practiceId: string): Audience => ({
    sql: `SELECT g.user_id FROM practice p JOIN report r ON r.id = p.report_id
            JOIN role_grant g ON g.role = 'expert' AND g.edition_id = r.edition_id AND g.city_id = r.city_id ${reachable}
           WHERE p.id = $1`,
    params: [practiceId],
  }),
  expertOfReport: (reportId: string): Audience => ({
    sql: `SELECT g.user_id FROM report r
            JOIN role_grant g ON g.role = 'expert' AND g.edition_id = r.edition_id AND g.city_id = r.city_id ${reachable}
           WHERE r.id = $1`,
    params: [reportId],
  }),
  /** Experts whose city has not submitted its report for the edition. */
  expertsWithoutSubmittedReport: (editionId: string): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable}
           WHERE g.role = 'expert' AND g.edition_id = $1
             AND NOT EXISTS (SELECT 1 FROM report r WHERE r.edition_id = g.edition_id AND r.city_id = g.city_id AND r.status = 'submitted')`,
    params: [editionId],
  }),
  /** Jurors with an eligible practice on their ballot (none they are conflicted with) that they have not scored. */
  jurorsWithUnscoredPractices: (editionId: string): Audience => ({
    sql: `SELECT g.user_id FROM role_grant g ${reachable}
           WHERE g.role = 'juror' AND g.edition_id = $1
             AND EXISTS (
               SELECT 1 FROM practice p JOIN report r ON r.id = p.report_id
                WHERE r.edition_id = g.edition_id AND p.status = 'eligible'
                  AND NOT ${conflictedSql('g.user_id', 'p.id', 'r.edition_id', 'r.city_id')}
                  AND ${onBallotByAssignmentSql('g.user_id', 'p.id', 'r.edition_id')}
                  AND NOT EXISTS (SELECT 1 FROM score s WHERE s.juror_id = g.user_id AND s.practice_id = p.id))`,
    params: [editionId],
  }),
  /** The people a coordinator's group mail was addressed to (stored when it was sent) who can still be told. */
  groupMailRecipients: (groupMailId: string): Audience => ({
    sql: `SELECT r.user_id FROM group_mail_recipient r JOIN app_user u ON u.id = r.user_id AND u.status <> 'disabled' WHERE r.group_mail_id = $1`,
    params: [groupMailId],
  }),
};

const editionHasCeremony = (editionId: string): Audience => ({
  sql: `SELECT 1 FROM edition WHERE id = $1 AND ceremony_starts_at IS NOT NULL`,
  params: [editionId],
});

/** What each stage change tells whom. */
function stageChanged({ editionId, to }: OutboxEventPayloads['edition.stageChanged']): FanOut[] {
  const context = { editionId };
  switch (to) {
    case 'reportsOpen':
      return [{ template: 'reportsOpen', audiences: [AUDIENCES.experts(editionId)], context }];
    case 'juryScoring':
      return [{ template: 'scoringOpen', audiences: [AUDIENCES.jurors(editionId)], context }];
    case 'deliberation':
      return [{ template: 'scoringClosed', audiences: [AUDIENCES.jurors(editionId)], context }];
    case 'decided':
      return [{ template: 'decisionsFinalised', audiences: [AUDIENCES.jurors(editionId), AUDIENCES.coordinators()], context }];
    case 'published':
      return [
        { template: 'resultsPublished', audiences: [AUDIENCES.officialsOfEdition(editionId), AUDIENCES.experts(editionId)], context },
        {
          template: 'ceremonyInvitation',
          audiences: [AUDIENCES.officialsOfEdition(editionId), AUDIENCES.experts(editionId), AUDIENCES.jurors(editionId)],
          context,
          onlyIf: editionHasCeremony(editionId),
        },
      ];
    default:
      return [];
  }
}

/** Who a step back concerns: back in reportsOpen the experts write again and the jurors wait; back in juryScoring the jurors score again. */
function steppedBack({ editionId, to, reason }: OutboxEventPayloads['edition.steppedBack']): FanOut[] {
  const context = { editionId, reason };
  if (to === 'reportsOpen') return [{ template: 'steppedBackToReports', audiences: [AUDIENCES.experts(editionId), AUDIENCES.jurors(editionId)], context }];
  if (to === 'juryScoring') return [{ template: 'steppedBackToScoring', audiences: [AUDIENCES.jurors(editionId)], context }];
  return [];
}

/** Every event type has an entry, so a new type cannot be forgotten (an empty list tells nobody). */
export const NOTIFICATION_RULES: { readonly [T in OutboxEventType]: NotificationRule<T> } = {
  'system.ping': () => [],
  'user.invited': ({ userId }) => [{ template: 'invitation', audiences: [AUDIENCES.user(userId, 'notDisabled')], context: {} }],
  'user.passwordResetRequested': ({ userId }) => [
    { template: 'passwordReset', audiences: [AUDIENCES.user(userId, 'active')], context: {} },
  ],
  'edition.stageChanged': stageChanged,
  'report.submitted': ({ reportId }) => [
    { template: 'reportSubmitted', audiences: [AUDIENCES.coordinators(), AUDIENCES.officialsOfReportCity(reportId)], context: { reportId } },
  ],
  'practice.eligibilityDecided': ({ practiceId }) => [
    { template: 'eligibilityDecided', audiences: [AUDIENCES.expertOfPractice(practiceId)], context: { practiceId } },
  ],
  // Certificates only (the worker issues them); nobody is mailed.
  'award.changed': () => [],
  // One reminder per person and deadline, however many times the schedule writes the event.
  'reminder.reportsDue': ({ editionId, dueAt }) => [
    {
      template: 'reportsReminder',
      audiences: [AUDIENCES.expertsWithoutSubmittedReport(editionId)],
      context: { editionId, dueAt },
      dedupeKey: `reportsReminder:${editionId}:${dueAt}`,
    },
  ],
  'report.reopened': ({ reportId, reason }) => [
    { template: 'reportReopened', audiences: [AUDIENCES.expertOfReport(reportId)], context: { reportId, reason } },
  ],
  'practice.eligibilityRevised': ({ practiceId, reason }) => [
    { template: 'eligibilityRevised', audiences: [AUDIENCES.expertOfPractice(practiceId)], context: { practiceId, reason } },
  ],
  'edition.steppedBack': steppedBack,
  'grant.deadlineExtended': ({ userId, editionId, kind, dueAt, reason }) => [
    {
      template: kind === 'reports' ? 'reportsDeadlineExtended' : 'scoringDeadlineExtended',
      audiences: [AUDIENCES.user(userId, 'notDisabled')],
      context: { editionId, dueAt, reason },
    },
  ],
  // One mail per grant (the event is written once, with the grant), to an active account only: a
  // person still invited has the invitation to act on (an import or an invitation with a role writes
  // both at once), and finds the role on their page once they have set a password.
  'grant.added': ({ userId, editionId, role, cityId }) => [
    {
      template: role === 'expert' ? 'addedAsExpert' : 'addedAsJuror',
      audiences: [AUDIENCES.user(userId, 'active')],
      context: cityId ? { editionId, cityId } : ({ editionId } as Record<string, string>),
    },
  ],
  'reminder.scoringDue': ({ editionId, dueAt }) => [
    {
      template: 'scoringReminder',
      audiences: [AUDIENCES.jurorsWithUnscoredPractices(editionId)],
      context: { editionId, dueAt },
      dedupeKey: `scoringReminder:${editionId}:${dueAt}`,
    },
  ],
  'groupMail.sent': ({ groupMailId, editionId, role }) => [
    { template: 'groupMail', audiences: [AUDIENCES.groupMailRecipients(groupMailId)], context: { editionId, groupMailId, role } },
  ],
};

export function fanOutsOf<T extends OutboxEventType>(type: T, payload: OutboxEventPayloads[T]): FanOut[] {
  const rule = NOTIFICATION_RULES[type] as NotificationRule<T> | undefined;
  return rule ? rule(payload) : [];
}

/** Renumbers an audience's $1..$n to start after `offset` fixed parameters. */
export function shiftParameters(sql: string, offset: number): string {
  return sql.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`);
}
