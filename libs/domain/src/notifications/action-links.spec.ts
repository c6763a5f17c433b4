import { actionPath, groupMailPath, LinkFacts, RecipientGrant, tokenPath } from './action-links';

const edition = { id: 'e-1', year: 2015 };
const expert: RecipientGrant = { role: 'expert', editionId: 'e-1', cityId: 'c-lublin' };
const expertElsewhere: RecipientGrant = { role: 'expert', editionId: 'e-0', cityId: 'c-lodz' };
const juror: RecipientGrant = { role: 'juror', editionId: 'e-1', cityId: null };
const coordinator: RecipientGrant = { role: 'coordinator', editionId: null, cityId: null };
const official: RecipientGrant = { role: 'cityOfficial', editionId: null, cityId: 'c-lublin' };

const path = (template: LinkFacts['template'], grants: RecipientGrant[], reportId: string | null = null) =>
  actionPath({ template, edition, reportId, grants });

describe('mail action links', () => {
  it('sends the single-use links to the page that takes the token', () => {
    expect(tokenPath('passwordReset', 'a-b_c')).toBe('/password-reset/confirm?token=a-b_c');
    expect(tokenPath('invitation', 'x y')).toBe('/invitations/accept?token=x%20y');
  });

  it("sends experts to their city's report of that edition", () => {
    for (const template of ['reportsOpen', 'reportsReminder', 'eligibilityDecided'] as const) {
      expect(path(template, [expertElsewhere, expert])).toBe('/expert/editions/e-1/cities/c-lublin');
    }
    expect(path('reportsOpen', [expertElsewhere])).toBe('/expert');
  });

  it('sends jurors to their ballot, then to the deliberation', () => {
    expect(path('scoringOpen', [juror])).toBe('/juror/editions/e-1');
    expect(path('scoringReminder', [juror])).toBe('/juror/editions/e-1');
    expect(path('scoringClosed', [juror])).toBe('/juror/editions/e-1/deliberation');
    expect(path('decisionsFinalised', [juror])).toBe('/juror/editions/e-1/deliberation');
  });

  it("sends coordinators to the edition's overview, or the submitted report", () => {
    expect(path('decisionsFinalised', [coordinator])).toBe('/coordinator/editions/e-1');
    expect(path('reportSubmitted', [coordinator], 'r-9')).toBe('/coordinator/editions/e-1/reports/r-9');
    expect(path('reportSubmitted', [official])).toBe('/city');
  });

  it('sends published results and the ceremony to the public awards page by year, never to an id', () => {
    expect(path('resultsPublished', [official])).toBe('/editions/2015');
    expect(path('ceremonyInvitation', [juror])).toBe('/editions/2015');
  });

  it('falls back to the dashboard without an edition', () => {
    expect(actionPath({ template: 'scoringOpen', edition: null, reportId: null, grants: [juror] })).toBe('/dashboard');
  });

  it("sends a group mail's reader to their own next step as the role the group addressed", () => {
    expect(groupMailPath('expert', edition, [expertElsewhere, expert])).toBe('/expert/editions/e-1/cities/c-lublin');
    expect(groupMailPath('juror', edition, [juror])).toBe('/juror/editions/e-1');
    expect(groupMailPath('cityOfficial', edition, [official])).toBe('/city');
  });
});
