// Every link in every mail opens the page for that person's next step, in Chromium, signed in as
// the recipient: the password-reset mail (sent for real, through an SMTP sink) opens the page that
// takes the token and the new password works; each stage mail's link, as the sender builds it
// (action-links.ts) for the demo accounts' grants, opens that person's screen and not an error.
// test/mail-links.e2e-spec.ts checks the links of every template and recipient as mailed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { actionPath, type LinkFacts, type RecipientGrant } from '../../libs/domain/src/notifications/action-links';
import { SmtpSink } from '../../libs/testing/src/smtp-sink';
import { apiAs, browserSuiteSkipped, demoEmail, settled, SHOTS, signIn, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/browser-mail-links.e2e-spec.ts');

interface Me {
  id: string;
  roles: { role: RecipientGrant['role']; editionId?: string; cityId?: string }[];
}

(skip ? describe.skip : describe)('mail links in Chromium', () => {
  let sink: SmtpSink;
  const editions: Record<string, { id: string; year: number }> = {};

  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  const harness = useBrowserHarness({ env: () => ({ SMTP_URL: sink.url }) });

  beforeAll(async () => {
    const list = await (await apiAs(harness, 'koordynator')).get<{ items: { id: string; year: number; name: string }[] }>('/editions?limit=50');
    for (const edition of list.items) editions[edition.name.includes('Demo') ? 'demo' : String(edition.year)] = { id: edition.id, year: edition.year };
  });

  afterAll(async () => {
    await sink?.down();
  });

  /** The link `template` would carry for `who` about `edition`, from their own grants. */
  async function linkFor(who: string, template: LinkFacts['template'], edition: { id: string; year: number }, reportId: string | null = null) {
    const me = await (await apiAs(harness, who)).get<Me>('/me');
    const grants = me.roles.map((g) => ({ role: g.role, editionId: g.editionId ?? null, cityId: g.cityId ?? null }));
    return `${harness.base}${actionPath({ template, edition, reportId, grants })}`;
  }

  /** Opens the link in a page signed in as `who`: it stays there, shows `heading` and no error or "not found". */
  async function follow(who: string, link: string, heading: string | RegExp, shot: string): Promise<Page> {
    // In Polish, whatever the account's locale, so that the headings below read the same.
    const page = await signIn(harness, who, { language: 'pl' });
    await page.goto(link);
    await settled(page, heading);
    await page.waitForLoadState('networkidle');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
    expect(await page.locator('main .alert--error').count()).toBe(0);
    expect(await page.locator('h1', { hasText: 'Nie znaleziono strony' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, `mail-link-${shot}.png`), fullPage: true });
    return page;
  }

  it('the password-reset mail opens the page that takes the token, and the new password works', async () => {
    const email = demoEmail('urzednik.krakow');
    const answer = await fetch(`${harness.base}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    expect(answer.status).toBe(202);
    const deadline = Date.now() + 30_000;
    while (sink.to(email).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [mail] = sink.to(email);
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(new URL(link).pathname).toBe('/password-reset/confirm');

    const page = await harness.newPage({ viewport: 'mobile' });
    await page.goto(link);
    await settled(page, 'Nowe hasło');
    await page.locator('#field-password').fill('a brand new passphrase');
    await page.locator('#field-passwordConfirmation').fill('a brand new passphrase');
    await page.locator('form button[type=submit]').click();
    await page.locator('h1', { hasText: 'Hasło zmienione' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'mail-link-password-reset-mobile.png'), fullPage: true });
    const signedIn = await signIn(harness, email, { password: 'a brand new passphrase' });
    expect(new URL(signedIn.url()).pathname).not.toBe('/sign-in');
    await Promise.all([page.close(), signedIn.close()]);
  });

  it('/login, the address people guess (and old mails may carry), opens the sign-in page', async () => {
    const page = await harness.newPage({ viewport: 'mobile' });
    await page.goto(`${harness.base}/login?next=%2Fjuror`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).search).toBe('?next=%2Fjuror');
    await settled(page, 'Logowanie');
    await page.close();
  });

  it("the expert's mails open their city's report", async () => {
    const link = await linkFor('ekspert.lublin', 'reportsOpen', editions.demo);
    expect(link).toMatch(/\/expert\/editions\/[\w-]+\/cities\/[\w-]+$/);
    await (await follow('ekspert.lublin', link, 'Raport: Lublin', 'expert-report')).close();
  });

  it("the juror's mails open their ballot, then the deliberation", async () => {
    const ballot = await linkFor('priscilla.rubia', 'scoringOpen', editions['2015']);
    await (await follow('priscilla.rubia', ballot, 'Karta oceny', 'juror-ballot')).close();
    const deliberation = await linkFor('priscilla.rubia', 'scoringClosed', editions['2015']);
    await (await follow('priscilla.rubia', deliberation, 'Wyniki i obrady', 'juror-deliberation')).close();
  });

  it("the coordinator's mails open the edition's overview and the submitted report", async () => {
    const overview = await linkFor('koordynator', 'decisionsFinalised', editions['2015']);
    expect(overview).toMatch(/\/coordinator\/editions\/[\w-]+$/);
    await (await follow('koordynator', overview, /2015/, 'coordinator-overview')).close();
    type Assignment = { editionId: string; report: { id: string } | null };
    const assignments = await (await apiAs(harness, 'ekspert2015.lublin')).get<Assignment[] | { items: Assignment[] }>('/me/reports');
    const lublin2015 = (Array.isArray(assignments) ? assignments : assignments.items).find((a) => a.editionId === editions['2015'].id)!;
    const read = await linkFor('koordynator', 'reportSubmitted', editions['2015'], lublin2015.report!.id);
    const page = await follow('koordynator', read, /2015/, 'coordinator-report');
    await page.locator('#report-read-title', { hasText: 'Lublin' }).waitFor();
    await page.close();
  });

  it("published results and the ceremony open the public awards of the edition's year", async () => {
    const link = await linkFor('urzednik.lublin', 'resultsPublished', editions['2015']);
    expect(new URL(link).pathname).toBe('/editions/2015');
    const page = await follow('urzednik.lublin', link, 'Wyróżnienia 2015', 'awards');
    await page.locator('.award').first().waitFor();
    await page.close();
    const official = await linkFor('urzednik.lublin', 'reportSubmitted', editions['2015']);
    await (await follow('urzednik.lublin', official, 'Moje miasto', 'city-official')).close();
  });
});
