// Every link in every mail opens the page for that person's next step: the expert's report, the
// juror's ballot, the coordinator's edition overview or report, the public awards page by year
// (never `/editions/<uuid>`, a page that expects a year). Real events through the outbox and the
// worker to an SMTP sink; test/web/mail-links.browser.e2e-spec.ts opens such links in Chromium.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxEventPayloads, OutboxEventType, UnitOfWork } from '@app/core';
import { createTestApp, eventually, grantRole, makeCity, makeEdition, makePractice, makeReport, makeUser, SmtpSink, TestApp } from '@app/testing';

const BASE = 'https://miasta.example.org';

describe('mail links lead to the next step', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url, PUBLIC_URL: BASE } });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  /** Emits the event and waits for its `expected` mails; returns the mails it caused. */
  async function emit<T extends OutboxEventType>(type: T, payload: OutboxEventPayloads[T], expected: number): Promise<typeof sink.messages> {
    const before = sink.messages.length;
    const eventId = await t.app.get(UnitOfWork).run((tx) => tx.emit(type, payload));
    await eventually(async () => {
      const [row] = await ds.query(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notification_delivery WHERE event_id = $1`, [eventId]);
      return row.sent === expected && sink.messages.length - before === expected;
    });
    return sink.messages.slice(before);
  }

  /** The one link of the mail of `template` to `email` among `mails`, in the text and the HTML alike. */
  function linkOf(email: string, mails: typeof sink.messages, template: string): string {
    const mine = mails.filter((m) => m.to === email.toLowerCase() && m.headers['x-open-cities-notification'] === template);
    expect(mine).toHaveLength(1);
    const links = [...mine[0].text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(links).toHaveLength(1);
    expect(mine[0].html).toContain(`<a href="${links[0].replace(/&/g, '&amp;')}">`);
    return links[0].slice(BASE.length);
  }

  it('sends each recipient of each stage mail to their own page', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen', year: 2031 });
    const lublin = await makeCity(ds, 'Lublin');
    const krakow = await makeCity(ds, 'Kraków');
    const expert = await makeUser(ds, { locale: 'pl' });
    await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: lublin.id });
    const juror = await makeUser(ds, { locale: 'uk' });
    await grantRole(ds, juror.id, 'juror', { editionId: edition.id, cityId: lublin.id });
    const coordinator = await makeUser(ds, { locale: 'en' });
    await grantRole(ds, coordinator.id, 'coordinator');
    const official = await makeUser(ds, { locale: 'pl' });
    await grantRole(ds, official.id, 'cityOfficial', { cityId: lublin.id });
    const report = await makeReport(ds, edition.id, lublin.id, 'submitted');
    const practice = await makePractice(ds, report.id, { status: 'eligible' });
    const other = await makeReport(ds, edition.id, krakow.id, 'submitted');
    await makePractice(ds, other.id, { status: 'eligible' });
    await ds.query(`UPDATE edition SET ceremony_starts_at = '2031-05-14T15:30:00+02:00', ceremony_city = 'Wrocław' WHERE id = $1`, [edition.id]);

    const reportPage = `/expert/editions/${edition.id}/cities/${lublin.id}`;
    const ballot = `/juror/editions/${edition.id}`;
    const stage = (to: string) => ({ editionId: edition.id, from: 'draft', to, stageEventId: randomUUID() }) as OutboxEventPayloads['edition.stageChanged'];

    let mails = await emit('edition.stageChanged', stage('reportsOpen'), 1);
    expect(linkOf(expert.email, mails, 'reportsOpen')).toBe(reportPage);
    await emit('reminder.reportsDue', { editionId: edition.id, dueAt: '2031-03-31T21:59:00Z' }, 0);
    mails = await emit('practice.eligibilityDecided', { practiceId: practice.id }, 1);
    expect(linkOf(expert.email, mails, 'eligibilityDecided')).toBe(reportPage);
    mails = await emit('report.submitted', { reportId: report.id }, 2);
    expect(linkOf(coordinator.email, mails, 'reportSubmitted')).toBe(`/coordinator/editions/${edition.id}/reports/${report.id}`);
    expect(linkOf(official.email, mails, 'reportSubmitted')).toBe('/city');
    mails = await emit('edition.stageChanged', stage('juryScoring'), 1);
    expect(linkOf(juror.email, mails, 'scoringOpen')).toBe(ballot);
    mails = await emit('reminder.scoringDue', { editionId: edition.id, dueAt: '2031-04-30T21:59:00Z' }, 1);
    expect(linkOf(juror.email, mails, 'scoringReminder')).toBe(ballot);
    mails = await emit('edition.stageChanged', stage('deliberation'), 1);
    expect(linkOf(juror.email, mails, 'scoringClosed')).toBe(`${ballot}/deliberation`);
    mails = await emit('edition.stageChanged', stage('decided'), 2);
    expect(linkOf(juror.email, mails, 'decisionsFinalised')).toBe(`${ballot}/deliberation`);
    expect(linkOf(coordinator.email, mails, 'decisionsFinalised')).toBe(`/coordinator/editions/${edition.id}`);
    mails = await emit('edition.stageChanged', stage('published'), 5);
    for (const person of [expert, official]) expect(linkOf(person.email, mails, 'resultsPublished')).toBe('/editions/2031');
    for (const person of [expert, official, juror]) expect(linkOf(person.email, mails, 'ceremonyInvitation')).toBe('/editions/2031');
    // No stage mail anywhere links to an edition by its id outside a role's area.
    for (const mail of sink.messages) expect(mail.text).not.toMatch(new RegExp(`${BASE}/editions/[0-9a-f-]{36}`));
  });

  it('sends the reminder of a report to the expert whose report is not submitted', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const gdansk = await makeCity(ds, 'Gdańsk');
    const expert = await makeUser(ds, { locale: 'en' });
    await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: gdansk.id });
    const mails = await emit('reminder.reportsDue', { editionId: edition.id, dueAt: '2031-03-31T21:59:00Z' }, 1);
    expect(linkOf(expert.email, mails, 'reportsReminder')).toBe(`/expert/editions/${edition.id}/cities/${gdansk.id}`);
  });

  it('sends the password reset to the page that takes the token', async () => {
    const user = await makeUser(ds, { locale: 'pl' });
    await t.http.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const [mail] = await eventually(async () => (sink.to(user.email).length ? sink.to(user.email) : null));
    expect(mail.text).toMatch(new RegExp(`${BASE}/password-reset/confirm\\?token=[\\w-]{20,}\\r?\\n`));
  });
});
