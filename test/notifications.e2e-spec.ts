// Notifications end to end: outbox event → fan-out over the grants → one mail per person in their
// language, through a real SMTP server in this process.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobQueue, UnitOfWork } from '@app/core';
import { createTestApp, drainQueue, eventually, grantRole, makeCity, makeEdition, makeUser, SmtpSink, TestApp } from '@app/testing';

describe('notifications', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://miasta.example.org' } });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  const deliveriesOf = (eventId: string) =>
    ds.query(`SELECT status, count(*)::int AS n FROM notification_delivery WHERE event_id = $1 GROUP BY status`, [eventId]);

  it('moving an edition to juryScoring mails every juror of it, and no one else, once, in their own language', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen', name: 'Miasta Otwarte 2015', scoringDueAt: new Date('2015-04-30T21:59:00Z') });
    const other = await makeEdition(ds, { stage: 'reportsOpen' });
    const lodz = await makeCity(ds, 'Łódź');
    const gdansk = await makeCity(ds, 'Gdańsk');
    const jurors = [
      { name: 'Priscilla Rubia', locale: 'en', cityId: lodz.id },
      { name: 'Edward Krajczyński', locale: 'uk', cityId: gdansk.id },
      { name: 'Ngo Hoang Minh', locale: 'pl', cityId: undefined },
      { name: 'Harris Mawusi', locale: 'vi', cityId: gdansk.id },
    ];
    const made = [];
    for (const juror of jurors) {
      const user = await makeUser(ds, { name: juror.name, locale: juror.locale });
      await grantRole(ds, user.id, 'juror', { editionId: edition.id, cityId: juror.cityId });
      made.push({ ...juror, ...user });
    }
    // Not to be told: an expert and a disabled juror of the edition, a juror of another edition, a coordinator.
    const expert = await makeUser(ds);
    await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: lodz.id });
    const disabled = await makeUser(ds, { status: 'disabled' });
    await grantRole(ds, disabled.id, 'juror', { editionId: edition.id });
    const elsewhere = await makeUser(ds);
    await grantRole(ds, elsewhere.id, 'juror', { editionId: other.id });
    const coordinator = await makeUser(ds);
    await grantRole(ds, coordinator.id, 'coordinator');

    const eventId = await t.app.get(UnitOfWork).run(async (tx) => {
      await tx.manager.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
      return tx.emit('edition.stageChanged', { editionId: edition.id, from: 'reportsOpen', to: 'juryScoring', stageEventId: randomUUID() });
    });
    await eventually(async () => {
      const rows = await deliveriesOf(eventId);
      return rows.length === 1 && rows[0].status === 'sent' && rows[0].n === 4;
    });
    await drainQueue(t.app.get(JobQueue));

    const received = sink.messages.filter((m) => m.headers['x-open-cities-event'] === `${eventId}:scoringOpen`);
    expect(received.map((m) => m.to).sort()).toEqual(made.map((j) => j.email).sort());
    const subjects: Record<string, RegExp> = {
      en: /^Miasta Otwarte 2015: jury scoring has opened$/,
      uk: /^Miasta Otwarte 2015: розпочалося оцінювання журі$/,
      pl: /^Miasta Otwarte 2015: rozpoczęła się ocena jury$/,
      vi: /^Miasta Otwarte 2015: jury scoring has opened$/,
    };
    for (const juror of made) {
      const [mail] = sink.to(juror.email);
      expect(sink.to(juror.email)).toHaveLength(1);
      expect(mail.subject).toMatch(subjects[juror.locale]);
      expect(mail.headers['content-language']).toBe(juror.locale === 'vi' ? 'en' : juror.locale);
      expect(mail.text).toContain(juror.name);
      expect(mail.text).toContain('https://miasta.example.org/editions/');
      expect(mail.html).toContain('<a href="https://miasta.example.org/editions/');
    }
    expect(sink.to(made[2].email)[0].text).toContain('Termin oceny: 30 kwietnia 2015 23:59');
    for (const outsider of [expert, disabled, elsewhere, coordinator]) expect(sink.to(outsider.email)).toHaveLength(0);
  });
});
