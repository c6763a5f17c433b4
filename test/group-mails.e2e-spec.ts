// Mail to groups (issue 19, item 2): a coordinator's message reaches exactly the people its filter
// chooses in one edition (never a disabled account, someone outside the edition, or a juror tied to
// the filter's city), each in their language with the merge fields filled for them, through the
// outbox, fan-out and deliveries of every notification, via a real SMTP server in this process.
import { DataSource } from 'typeorm';
import {
  createTestApp,
  eventually,
  grantRole,
  makeCity,
  makeEdition,
  makePractice,
  makeReport,
  makeSignedInUser,
  makeUser,
  signIn,
  SignedIn,
  SmtpSink,
  TestApp,
} from '@app/testing';

const DAY = 86_400_000;
const plDateTime = new Intl.DateTimeFormat('pl', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' });
const enDateTime = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' });

describe('group mails', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn & { id: string };
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://miasta.example.org' } });
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  async function person(role: 'expert' | 'juror' | 'cityOfficial', scope: { editionId?: string; cityId?: string }, options: { name: string; locale?: string; status?: 'disabled' }) {
    const user = await makeUser(ds, options);
    const grantId = await grantRole(ds, user.id, role, scope);
    return { ...user, name: options.name, grantId };
  }

  const fieldsAtFault = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

  /** A juryScoring edition: Lublin and Kraków each with an eligible practice; jurors of every kind. */
  async function juryEdition() {
    const scoringDueAt = new Date(Date.now() + 5 * DAY);
    const edition = await makeEdition(ds, { stage: 'juryScoring', name: 'Miasta Otwarte 3015', scoringDueAt });
    const other = await makeEdition(ds, { stage: 'juryScoring' });
    const lublin = await makeCity(ds, `Lublin ${edition.year}`);
    const krakow = await makeCity(ds, `Kraków ${edition.year}`);
    const gdansk = await makeCity(ds, `Gdańsk ${edition.year}`);
    await person('expert', { editionId: edition.id, cityId: lublin.id }, { name: 'Ewa Ekspertka' });
    await person('expert', { editionId: edition.id, cityId: krakow.id }, { name: 'Karol Ekspert' });
    const lublinPractice = await makePractice(ds, (await makeReport(ds, edition.id, lublin.id, 'submitted')).id, { status: 'eligible' });
    await makePractice(ds, (await makeReport(ds, edition.id, krakow.id, 'submitted')).id, { status: 'eligible' });

    const anna = await person('juror', { editionId: edition.id, cityId: gdansk.id }, { name: 'Anna Gdańska', locale: 'en' });
    const bohdan = await person('juror', { editionId: edition.id }, { name: 'Bohdan Scored', locale: 'uk' });
    await ds.query(
      `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 4, 4, 4, 4)`,
      [edition.id, lublinPractice.id, bohdan.id],
    );
    const tied = await person('juror', { editionId: edition.id, cityId: lublin.id }, { name: 'Celina Lubelska', locale: 'pl' });
    const disabled = await person('juror', { editionId: edition.id }, { name: 'Dawid Disabled', status: 'disabled' });
    const outside = await person('juror', { editionId: other.id }, { name: 'Eryk Elsewhere' });
    const filip = await person('juror', { editionId: edition.id }, { name: 'Filip Extended', locale: 'pl' });
    const extendedTo = new Date(scoringDueAt.getTime() + 2 * DAY);
    await ds.query(`UPDATE role_grant SET extended_due_at = $2 WHERE id = $1`, [filip.grantId, extendedTo]);
    return { edition, lublin, krakow, scoringDueAt, extendedTo, anna, bohdan, tied, disabled, outside, filip };
  }

  const message = (cityId: string) => ({
    filter: { role: 'juror', cityId, progress: 'ballotIncomplete' },
    versions: [
      { language: 'pl', subject: '{{edition}}: oceny dla {{city}}', body: 'Prosimy ocenić praktyki z miasta {{city}}.\nTermin: {{deadline}}\nLink: {{ link }}' },
      { language: 'en', subject: '{{edition}}: scores for {{city}}', body: 'Please score the practices of {{city}}.\nDue: {{deadline}}\nLink: {{link}}' },
    ],
  });

  it('previews and sends to exactly the jurors who score the city and have not finished, each in their language with their own deadline and link', async () => {
    const { edition, lublin, extendedTo, scoringDueAt, anna, filip, bohdan, tied, disabled, outside } = await juryEdition();
    const body = message(lublin.id);

    const preview = await t.http.post(`/api/editions/${edition.id}/group-mails/preview`).set(coordinator.auth).send(body).expect(200);
    expect(preview.body.recipients).toEqual([
      { userId: anna.id, name: 'Anna Gdańska', email: anna.email, city: lublin.name, role: 'juror', language: 'en' },
      { userId: filip.id, name: 'Filip Extended', email: filip.email, city: lublin.name, role: 'juror', language: 'pl' },
    ]);
    expect(preview.body.renderings.map((r: { language: string; sampleRecipient: string }) => [r.language, r.sampleRecipient])).toEqual([
      ['pl', 'Filip Extended'],
      ['en', 'Anna Gdańska'],
    ]);
    const [plPreview, enPreview] = preview.body.renderings;
    expect(plPreview.subject).toBe(`Miasta Otwarte 3015: oceny dla ${lublin.name}`);
    expect(plPreview.text).toContain(`Termin: ${plDateTime.format(extendedTo)}`);
    expect(enPreview.text).toContain(`Due: ${enDateTime.format(scoringDueAt)}`);
    expect(enPreview.text).toContain(`Link: https://miasta.example.org/juror/editions/${edition.id}`);
    expect(await ds.query(`SELECT 1 FROM group_mail WHERE edition_id = $1`, [edition.id])).toHaveLength(0);

    const sent = await t.http.post(`/api/editions/${edition.id}/group-mails`).set(coordinator.auth).send(body).expect(201);
    expect(sent.body).toMatchObject({ editionId: edition.id, recipientCount: 2, filter: { role: 'juror', cityId: lublin.id, cityName: lublin.name, progress: 'ballotIncomplete' } });

    const deliveries = async () =>
      ((await ds.query(`SELECT user_id, status FROM notification_delivery WHERE template = 'groupMail' AND context->>'groupMailId' = $1`, [sent.body.id])) as {
        user_id: string;
        status: string;
      }[]);
    await eventually(async () => (await deliveries()).filter((d) => d.status === 'sent').length === 2);
    expect((await deliveries()).map((d) => d.user_id).sort()).toEqual([anna.id, filip.id].sort());

    const [toAnna] = await eventually(async () => (sink.to(anna.email).length ? sink.to(anna.email) : null));
    expect(toAnna.subject).toBe(`Miasta Otwarte 3015: scores for ${lublin.name}`);
    expect(toAnna.headers['x-open-cities-notification']).toBe('groupMail');
    expect(toAnna.text).toContain(`Please score the practices of ${lublin.name}.`);
    expect(toAnna.text).toContain(`Link: https://miasta.example.org/juror/editions/${edition.id}`);
    const [toFilip] = await eventually(async () => (sink.to(filip.email).length ? sink.to(filip.email) : null));
    expect(toFilip.subject).toBe(`Miasta Otwarte 3015: oceny dla ${lublin.name}`);
    expect(toFilip.text).toContain(`Termin: ${plDateTime.format(extendedTo)}`);
    for (const nobody of [bohdan, tied, disabled, outside]) expect(sink.to(nobody.email)).toHaveLength(0);

    // The list and the notifications view show it; the send is audited.
    const list = await t.http.get(`/api/editions/${edition.id}/group-mails`).set(coordinator.auth).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: sent.body.id, recipientCount: 2, deliveries: { pending: 0, sent: 2, failed: 0 } })]);
    const notifications = await t.http.get('/api/notifications?limit=100').set(coordinator.auth).expect(200);
    expect(notifications.body.items.filter((n: { template: string; recipient: { id: string } }) => n.template === 'groupMail' && [anna.id, filip.id].includes(n.recipient.id))).toHaveLength(2);
    const audits = await ds.query(`SELECT actor_id, details FROM audit_event WHERE action = 'groupMail.send' AND object_id = $1`, [edition.id]);
    expect(audits).toEqual([expect.objectContaining({ actor_id: coordinator.id, details: expect.objectContaining({ groupMailId: sent.body.id, recipients: 2 }) })]);
  });

  it('counts a ballot by the edition’s assignments: a juror whose assigned practices are all scored is not reminded', async () => {
    const { edition, lublin, krakow, anna, filip } = await juryEdition();
    const [lublinPractice] = await ds.query(`SELECT p.id FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND r.city_id = $2`, [edition.id, lublin.id]);
    const [krakowPractice] = await ds.query(`SELECT p.id FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND r.city_id = $2`, [edition.id, krakow.id]);
    // Anna is assigned Lublin's practice only, and has scored it; Filip is assigned Kraków's and has not.
    await ds.query(`INSERT INTO practice_assignment (edition_id, practice_id, juror_id) VALUES ($1, $2, $3), ($1, $4, $5)`, [edition.id, lublinPractice.id, anna.id, krakowPractice.id, filip.id]);
    await ds.query(
      `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 4, 4, 4, 4)`,
      [edition.id, lublinPractice.id, anna.id],
    );
    const filter = { role: 'juror', progress: 'ballotIncomplete' };
    const preview = await t.http.post(`/api/editions/${edition.id}/group-mails/preview`).set(coordinator.auth).send({ filter, versions: [{ subject: 's', body: 'b' }] }).expect(200);
    expect(preview.body.recipients.map((r: { name: string }) => r.name)).toEqual(['Filip Extended']);
  });

  it('chooses experts by report progress and the officials of the cities taking part; one version for all reads in each person’s language', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: new Date(Date.now() + 9 * DAY) });
    const [lublin, krakow, poznan, elsewhere] = await Promise.all(['Lublin', 'Kraków', 'Poznań', 'Opole'].map((n) => makeCity(ds, `${n} ${edition.year}`)));
    const submitted = await person('expert', { editionId: edition.id, cityId: lublin.id }, { name: 'A Submitted' });
    await makeReport(ds, edition.id, lublin.id, 'submitted');
    const drafting = await person('expert', { editionId: edition.id, cityId: krakow.id }, { name: 'B Drafting', locale: 'uk' });
    await makeReport(ds, edition.id, krakow.id, 'draft');
    const notStarted = await person('expert', { editionId: edition.id, cityId: poznan.id }, { name: 'C Not Started', locale: 'en' });
    const official = await person('cityOfficial', { cityId: lublin.id }, { name: 'D Official' });
    await person('cityOfficial', { cityId: elsewhere.id }, { name: 'E Official Elsewhere' });
    await person('cityOfficial', { cityId: krakow.id }, { name: 'F Official Disabled', status: 'disabled' });
    const versions = [{ subject: 'Raport {{city}}', body: 'Termin {{deadline}}, {{link}}' }];
    const recipients = async (filter: object) =>
      (await t.http.post(`/api/editions/${edition.id}/group-mails/preview`).set(coordinator.auth).send({ filter, versions }).expect(200)).body.recipients.map(
        (r: { userId: string; language: string }) => [r.userId, r.language],
      );

    expect(await recipients({ role: 'expert' })).toEqual([[submitted.id, 'pl'], [drafting.id, 'uk'], [notStarted.id, 'en']]);
    expect(await recipients({ role: 'expert', progress: 'reportNotSubmitted' })).toEqual([[drafting.id, 'uk'], [notStarted.id, 'en']]);
    expect(await recipients({ role: 'expert', progress: 'reportNotStarted' })).toEqual([[notStarted.id, 'en']]);
    expect(await recipients({ role: 'expert', cityId: krakow.id })).toEqual([[drafting.id, 'uk']]);
    expect(await recipients({ role: 'cityOfficial' })).toEqual([[official.id, 'pl']]);

    const preview = await t.http
      .post(`/api/editions/${edition.id}/group-mails/preview`)
      .set(coordinator.auth)
      .send({ filter: { role: 'expert', progress: 'reportNotStarted' }, versions })
      .expect(200);
    expect(preview.body.renderings).toEqual([
      expect.objectContaining({ language: 'en', subject: `Raport ${poznan.name}`, text: expect.stringContaining(`https://miasta.example.org/expert/editions/${edition.id}/cities/${poznan.id}`) }),
    ]);
    // Nobody to write to (no expert in Opole): refused, nothing stored.
    const none = await t.http.post(`/api/editions/${edition.id}/group-mails`).set(coordinator.auth).send({ filter: { role: 'expert', cityId: elsewhere.id }, versions }).expect(409);
    expect(none.body.code).toBe('no_recipients');
    expect(await ds.query(`SELECT 1 FROM group_mail WHERE edition_id = $1`, [edition.id])).toHaveLength(0);
  });

  it('refuses an unknown merge field naming the field and the name, and a progress that does not fit the role', async () => {
    const { edition, lublin } = await juryEdition();
    const body = message(lublin.id);
    body.versions[1].body = 'Dear {{name}}, see {{town}} by {{date}}';
    for (const path of ['group-mails/preview', 'group-mails']) {
      const res = await t.http.post(`/api/editions/${edition.id}/${path}`).set(coordinator.auth).send(body).expect(400);
      expect(fieldsAtFault(res.body)).toEqual(['versions.1.body']);
      expect(res.body.message).toContain('{{town}}');
    }
    const subject = await t.http
      .post(`/api/editions/${edition.id}/group-mails/preview`)
      .set(coordinator.auth)
      .send({ ...message(lublin.id), versions: [{ subject: 'Hi {{ surname }}', body: 'x' }] })
      .expect(400);
    expect(fieldsAtFault(subject.body)).toEqual(['versions.0.subject']);
    expect(subject.body.message).toContain('{{surname}}');
    const progress = await t.http
      .post(`/api/editions/${edition.id}/group-mails/preview`)
      .set(coordinator.auth)
      .send({ filter: { role: 'expert', progress: 'ballotIncomplete' }, versions: [{ subject: 's', body: 'b' }] })
      .expect(400);
    expect(fieldsAtFault(progress.body)).toEqual(['filter.progress']);
    const twoUnlabelled = await t.http
      .post(`/api/editions/${edition.id}/group-mails/preview`)
      .set(coordinator.auth)
      .send({ filter: { role: 'juror' }, versions: [{ subject: 's', body: 'b' }, { subject: 't', body: 'c' }] })
      .expect(400);
    expect(fieldsAtFault(twoUnlabelled.body)).toEqual(['versions.0.language']);
    const tooLong = await t.http
      .post(`/api/editions/${edition.id}/group-mails/preview`)
      .set(coordinator.auth)
      .send({ filter: { role: 'juror' }, versions: [{ subject: 'x'.repeat(301), body: 'b' }] })
      .expect(400);
    expect(fieldsAtFault(tooLong.body)).toEqual(['versions.0.subject']);
    expect(await ds.query(`SELECT 1 FROM group_mail WHERE edition_id = $1`, [edition.id])).toHaveLength(0);
  });

  it('is the coordinator’s alone: a juror or an expert of the edition is refused and nothing is sent', async () => {
    const { edition, lublin, anna } = await juryEdition();
    const expert = await person('expert', { editionId: edition.id, cityId: (await makeCity(ds)).id }, { name: 'Expert Refused' });
    for (const caller of [await signIn(t.http, anna.email), await signIn(t.http, expert.email)]) {
      await t.http.post(`/api/editions/${edition.id}/group-mails/preview`).set(caller.auth).send(message(lublin.id)).expect(403);
      await t.http.post(`/api/editions/${edition.id}/group-mails`).set(caller.auth).send(message(lublin.id)).expect(403);
      await t.http.get(`/api/editions/${edition.id}/group-mails`).set(caller.auth).expect(403);
    }
    await t.http.post(`/api/editions/${edition.id}/group-mails`).send(message(lublin.id)).expect(401);
    expect(await ds.query(`SELECT 1 FROM group_mail WHERE edition_id = $1`, [edition.id])).toHaveLength(0);
  });
});
