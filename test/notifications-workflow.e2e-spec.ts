// The expert stage's notifications through the real routes: a submitted report tells the
// coordinators and the city's officials; an eligibility decision tells the practice's expert.
import { DataSource } from 'typeorm';
import { JobQueue } from '@app/core';
import { createTestApp, drainQueue, eventually, grantRole, makeCategory, makeCity, makeEdition, makeSignedInUser, makeUser, signIn, SmtpSink, TestApp } from '@app/testing';

describe('expert-stage notifications', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  it('mails the coordinators and Lublin’s official on submission, and the expert on each eligibility decision', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen', name: 'Miasta Otwarte 2015' });
    const category = await makeCategory(ds, edition.id);
    const lublin = await makeCity(ds, 'Lublin');
    const krakow = await makeCity(ds, 'Kraków');
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const expert = await makeUser(ds, { locale: 'pl' });
    await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: lublin.id });
    const official = await makeUser(ds, { locale: 'en' });
    await grantRole(ds, official.id, 'cityOfficial', { cityId: lublin.id });
    const otherOfficial = await makeUser(ds);
    await grantRole(ds, otherOfficial.id, 'cityOfficial', { cityId: krakow.id });

    const e = (await signIn(t.http, expert.email)).auth;
    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    const practice = (await t.http.post(`/api/reports/${report.id}/practices`).set(e)
      .send({ title: 'Miejski punkt obsługi cudzoziemców', description: 'Opis.', recipientUnits: [], categoryIds: [category.id] }).expect(201)).body;
    await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    await t.http.post(`/api/practices/${practice.id}/eligibility`).set(coordinator.auth).send({ eligible: true }).expect(200);

    await eventually(async () => sink.messages.length >= 3 || null);
    await drainQueue(t.app.get(JobQueue));
    const to = (address: string) => sink.messages.filter((m) => m.to === address).map((m) => m.subject);
    expect(to(coordinator.email)).toEqual([expect.stringContaining('Lublin')]);
    expect(to(official.email)).toEqual([expect.stringContaining('Lublin')]);
    expect(to(expert.email)).toEqual([expect.stringContaining('Miejski punkt obsługi cudzoziemców')]);
    expect(to(otherOfficial.email)).toEqual([]);
    expect(sink.messages).toHaveLength(3);
    // Each button leads to the recipient's own page, chosen by the grants the claim read with the delivery.
    const text = (address: string) => sink.messages.find((m) => m.to === address)!.text;
    expect(text(coordinator.email)).toContain(`/coordinator/editions/${edition.id}/reports/${report.id}`);
    expect(text(official.email)).toMatch(/\/city\r?\n/);
    expect(text(expert.email)).toContain(`/expert/editions/${edition.id}/cities/${lublin.id}`);
  });
});
