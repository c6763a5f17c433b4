// Where each mail's button leads: the web app's page for the recipient's next step (apps/web's
// router holds these addresses). A template goes to several kinds of people (a decision reaches
// jurors and coordinators), so the page follows the recipient's grants, not only the template.
import type { Role } from '@app/core/auth/roles';
import type { TemplateKey } from './templates/facts';

export interface RecipientGrant {
  role: Role;
  editionId: string | null;
  cityId: string | null;
}

export interface LinkFacts {
  template: Exclude<TemplateKey, 'invitation' | 'passwordReset' | 'groupMail'>;
  edition: { id: string; year: number } | null;
  /** The report a `reportSubmitted` mail is about. */
  reportId: string | null;
  grants: RecipientGrant[];
}

/** The single-use links: the page that takes the token. */
export const TOKEN_PAGES = {
  invitation: '/invitations/accept',
  passwordReset: '/password-reset/confirm',
} as const satisfies Partial<Record<TemplateKey, string>>;

export function tokenPath(template: keyof typeof TOKEN_PAGES, token: string): string {
  return `${TOKEN_PAGES[template]}?token=${encodeURIComponent(token)}`;
}

/** The path (from the app's root) of the page for the recipient's next step. */
export function actionPath({ template, edition, reportId, grants }: LinkFacts): string {
  if (!edition) return '/dashboard';
  const e = encodeURIComponent(edition.id);
  const has = (role: Role) => grants.some((g) => g.role === role && (role === 'coordinator' || role === 'cityOfficial' || g.editionId === edition.id));
  const expertPage = () => {
    const grant = grants.find((g) => g.role === 'expert' && g.editionId === edition.id && g.cityId);
    return grant ? `/expert/editions/${e}/cities/${encodeURIComponent(grant.cityId!)}` : '/expert';
  };
  switch (template) {
    case 'reportsOpen':
    case 'reportsReminder':
    case 'eligibilityDecided':
    case 'eligibilityRevised':
    case 'reportReopened':
    case 'reportsDeadlineExtended':
    case 'addedAsExpert':
      return expertPage();
    case 'steppedBackToReports':
      return has('expert') ? expertPage() : `/juror/editions/${e}`;
    case 'scoringOpen':
    case 'scoringReminder':
    case 'steppedBackToScoring':
    case 'scoringDeadlineExtended':
    case 'addedAsJuror':
      return `/juror/editions/${e}`;
    case 'scoringClosed':
      return `/juror/editions/${e}/deliberation`;
    case 'decisionsFinalised':
      return has('coordinator') ? `/coordinator/editions/${e}` : `/juror/editions/${e}/deliberation`;
    case 'reportSubmitted':
      if (has('coordinator')) return reportId ? `/coordinator/editions/${e}/reports/${encodeURIComponent(reportId)}` : `/coordinator/editions/${e}`;
      return has('cityOfficial') ? '/city' : '/dashboard';
    case 'resultsPublished':
    case 'ceremonyInvitation':
      return `/editions/${edition.year}`;
  }
}

/** The roles a group mail addresses, each by its grant in the edition. */
export type GroupRole = 'expert' | 'juror' | 'cityOfficial';

/** A group mail's `{{link}}` and button: the next-step page of someone addressed as `role` in the edition. */
export function groupMailPath(role: GroupRole, edition: LinkFacts['edition'], grants: RecipientGrant[]): string {
  if (role === 'expert') return actionPath({ template: 'reportsOpen', edition, reportId: null, grants });
  if (role === 'juror') return actionPath({ template: 'scoringOpen', edition, reportId: null, grants });
  return '/city';
}
