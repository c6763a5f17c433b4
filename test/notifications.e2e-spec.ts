// Notifications end to end: outbox event → fan-out over the grants → one mail per person in their
// language, through a real SMTP server in this process.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { jobOptions, JobQueue, QUEUES, UnitOfWork } from '@app/core';
import { COMPOSE_AHEAD, DeliveryBusyError, MailTransport, NotificationSender, NotificationsService } from '@app/domain';
import {
  createTestApp,
  decodeMail,
  drainQueue,
  eventually,
  grantRole,
  makeCity,
  makeEdition,
  makeSignedInUser,
  makeUser,
  signIn,
  SmtpSink,
  TestApp,
} from '@app/testing';

const linkToken = (text: string, path: string) => new RegExp(`${path.replace(/[?/]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];

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
      // Straight to their ballot, not to a page that expects a year.
      expect(mail.text).toMatch(new RegExp(`https://miasta.example.org/juror/editions/${edition.id}\\r?\\n`));
      expect(mail.html).toContain(`<a href="https://miasta.example.org/juror/editions/${edition.id}">`);
    }
    expect(sink.to(made[2].email)[0].text).toContain('Termin oceny: 30 kwietnia 2015 23:59');
    for (const outsider of [expert, disabled, elsewhere, coordinator]) expect(sink.to(outsider.email)).toHaveLength(0);
  });

  it('invites a new user with a single-use token minted at send time, and lists it as sent to them', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const created = await t.http.post('/api/users').set(coordinator.auth).send({ email: 'Jose.Torres@Example.org', name: 'Jose Torres', locale: 'es' }).expect(201);
    const [mail] = await eventually(async () => (sink.to('jose.torres@example.org').length ? sink.to('jose.torres@example.org') : null));
    expect(mail.subject).toBe('Your invitation to Open Cities (Miasta Otwarte)');
    const token = linkToken(mail.text, 'https://miasta.example.org/invitations/accept');
    expect(token).toBeDefined();
    const [stored] = await ds.query(`SELECT count(*)::int AS n FROM one_time_token WHERE user_id = $1 AND used_at IS NULL`, [created.body.id]);
    expect(stored.n).toBe(1);
    await t.http.post('/api/invitations/accept').send({ token, password: 'a long enough passphrase' }).expect(200);
    const jose = await signIn(t.http, 'jose.torres@example.org', 'a long enough passphrase');
    const mine = await t.http.get('/api/me/notifications').set(jose.auth).expect(200);
    expect(mine.body).toEqual({
      items: [{ id: expect.any(String), template: 'invitation', subject: mail.subject, locale: 'en', sentAt: expect.any(String) }],
      total: 1,
    });
  });

  it('sends a password reset link that works', async () => {
    const user = await makeUser(ds, { locale: 'uk', name: 'Олена' });
    await t.http.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const [mail] = await eventually(async () => (sink.to(user.email).length ? sink.to(user.email) : null));
    expect(mail.subject).toBe('Зміна пароля – «Відкриті міста»');
    expect(mail.text).toContain('Вітаємо, Олена!');
    // The page that takes the token, not the one that asks for an e-mail.
    const token = linkToken(mail.text, 'https://miasta.example.org/password-reset/confirm');
    expect(token).toBeDefined();
    await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new passphrase' }).expect(200);
  });

  it('marks a refused delivery failed with the error for coordinators, and retries it from the API exactly once', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const user = await makeUser(ds, { email: 'bounces@example.org' });
    sink.refuse.add('bounces@example.org');
    const eventId = await t.app.get(UnitOfWork).run((tx) => tx.emit('user.passwordResetRequested', { userId: user.id }));
    const failed = await eventually(async () => {
      const res = await t.http.get('/api/notifications?status=failed&limit=200').set(coordinator.auth).expect(200);
      return res.body.items.find((item: { eventId: string }) => item.eventId === eventId);
    });
    expect(failed).toMatchObject({
      template: 'passwordReset',
      status: 'failed',
      attempts: 1,
      maxAttempts: 8,
      lastError: expect.stringMatching(/550 No such user here/),
      recipient: { id: user.id, email: 'bounces@example.org', name: expect.any(String) },
      sentAt: null,
    });
    const list = await t.http.get('/api/notifications?status=failed').set(coordinator.auth).expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.items.every((item: { status: string }) => item.status === 'failed')).toBe(true);
    await t.http.get('/api/notifications?status=lost').set(coordinator.auth).expect(400);

    sink.refuse.delete('bounces@example.org');
    const retried = await t.http.post(`/api/notifications/${failed.id}/retry`).set(coordinator.auth).expect(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    await eventually(async () => {
      const [row] = await ds.query(`SELECT status FROM notification_delivery WHERE id = $1`, [failed.id]);
      return row.status === 'sent';
    });
    expect(sink.to('bounces@example.org')).toHaveLength(1);
    const again = await t.http.post(`/api/notifications/${failed.id}/retry`).set(coordinator.auth).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'not_failed', status: 'sent' });
    await t.http.post(`/api/notifications/${randomUUID()}/retry`).set(coordinator.auth).expect(404);
  });

  it('retries a failed delivery whose finished job is still locked by the worker finishing its run: a job of its own, sent once', async () => {
    // Sends are removed on completion, so a finished job under the delivery's id is only seen in the
    // moment its worker is still finishing; Redis lets the test hold that moment (CI saw a 500 in it).
    if (t.config.queueBackend !== 'redis') return;
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const user = await makeUser(ds, { email: 'locked-bounce@example.org' });
    sink.refuse.add(user.email);
    const eventId = await t.app.get(UnitOfWork).run((tx) => tx.emit('user.passwordResetRequested', { userId: user.id }));
    const [{ id: deliveryId }] = await eventually(async () => {
      const rows = await ds.query(`SELECT id FROM notification_delivery WHERE event_id = $1 AND status = 'failed'`, [eventId]);
      return rows.length ? rows : null;
    });
    sink.refuse.delete(user.email);
    const redis = new Redis(t.config.REDIS_URL!);
    const jobKey = `${t.config.QUEUE_PREFIX}:notifications:${deliveryId}`;
    try {
      await redis.hset(jobKey, { name: 'notification.send', data: JSON.stringify({ deliveryId }), opts: '{}', timestamp: Date.now(), finishedOn: Date.now() });
      await redis.zadd(`${t.config.QUEUE_PREFIX}:notifications:completed`, Date.now(), deliveryId);
      await redis.set(`${jobKey}:lock`, 'another-worker', 'PX', 60_000);

      await t.http.post(`/api/notifications/${deliveryId}/retry`).set(coordinator.auth).expect(200);
      await eventually(async () => {
        const [row] = await ds.query(`SELECT status FROM notification_delivery WHERE id = $1`, [deliveryId]);
        return row.status === 'sent';
      });
      expect(sink.to(user.email)).toHaveLength(1);
    } finally {
      await redis.del(`${jobKey}:lock`);
      redis.disconnect();
    }
  });

  it('on publish, tells officials and experts, and invites them and the jurors to the ceremony with an .ics', async () => {
    const edition = await makeEdition(ds, { stage: 'decided', name: 'Miasta Otwarte 2015', year: 2015 });
    await ds.query(
      `UPDATE edition SET ceremony_starts_at = '2015-05-14T15:30:00+02:00', ceremony_venue = 'Synagoga pod Białym Bocianem, ul. Pawła Włodkowica 7', ceremony_city = 'Wrocław' WHERE id = $1`,
      [edition.id],
    );
    const lublin = await makeCity(ds, 'Lublin');
    const krakow = await makeCity(ds, 'Kraków');
    const expert = await makeUser(ds, { locale: 'pl' });
    await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: lublin.id });
    const official = await makeUser(ds, { locale: 'en' });
    await grantRole(ds, official.id, 'cityOfficial', { cityId: lublin.id });
    const juror = await makeUser(ds, { locale: 'uk' });
    await grantRole(ds, juror.id, 'juror', { editionId: edition.id, cityId: krakow.id });
    const officialElsewhere = await makeUser(ds);
    await grantRole(ds, officialElsewhere.id, 'cityOfficial', { cityId: krakow.id });

    const eventId = await t.app.get(UnitOfWork).run((tx) =>
      tx.emit('edition.stageChanged', { editionId: edition.id, from: 'decided', to: 'published', stageEventId: randomUUID() }),
    );
    await eventually(async () => {
      const [row] = await ds.query(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notification_delivery WHERE event_id = $1`, [eventId]);
      return row.sent === 5;
    });
    const templates = (email: string) => sink.to(email).map((m) => m.headers['x-open-cities-notification']).sort();
    expect(templates(expert.email)).toEqual(['ceremonyInvitation', 'resultsPublished']);
    expect(templates(official.email)).toEqual(['ceremonyInvitation', 'resultsPublished']);
    expect(templates(juror.email)).toEqual(['ceremonyInvitation']);
    expect(templates(officialElsewhere.email)).toEqual([]);

    const invitation = (email: string) => sink.to(email).find((m) => m.headers['x-open-cities-notification'] === 'ceremonyInvitation')!;
    expect(invitation(official.email).text).toContain('Date: Thursday, May 14, 2015');
    expect(invitation(official.email).text).toContain('Time: 03:30 PM');
    expect(invitation(official.email).text).toContain('Venue: Synagoga pod Białym Bocianem, ul. Pawła Włodkowica 7');
    expect(invitation(official.email).text).toContain('City: Wrocław');
    expect(invitation(expert.email).text).toContain('Data: czwartek, 14 maja 2015');
    expect(invitation(expert.email).text).toContain('Godzina: 15:30');
    expect(invitation(juror.email).subject).toBe('Запрошення на церемонію вручення відзнак «Відкриті міста» 2015');
    const ics = invitation(juror.email).parts.find((part) => part.contentType === 'application/ics' || part.contentType === 'text/calendar')!;
    expect(ics.content).toContain('DTSTART:20150514T133000Z');
    expect(ics.content).toContain(`UID:ceremony-${edition.id}@open-cities`);
    expect(ics.content.replace(/\r\n /g, '')).toContain('LOCATION:Synagoga pod Białym Bocianem\\, ul. Pawła Włodkowica 7\\, Wrocław');
  });

  it('re-queues a pending delivery whose job was lost', async () => {
    const user = await makeUser(ds);
    const [delivery] = await ds.query(
      `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, updated_at)
       VALUES (gen_random_uuid(), 'lost-job', 'passwordReset', $1, now() - interval '10 minutes') RETURNING id`,
      [user.id],
    );
    // (The worker's own sweep may get there first; either way it is the sweep that re-queues it.)
    expect(await t.app.get(NotificationsService).rescueStuck()).toBeLessThanOrEqual(1);
    // The mail reaches the sink a moment before the receipt commits: wait for both.
    await eventually(async () => sink.to(user.email).length === 1);
    const row = await eventually(async () => {
      const [found] = await ds.query(`SELECT status, attempts FROM notification_delivery WHERE id = $1`, [delivery.id]);
      return found.status === 'sent' ? found : null;
    });
    expect(row).toEqual({ status: 'sent', attempts: 1 });
    expect(sink.to(user.email)).toHaveLength(1);
  });

  it('leaves alone a pending delivery that waits its turn in a queued batch, however long', async () => {
    const user = await makeUser(ds);
    const [delivery] = await ds.query(
      `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, updated_at)
       VALUES (gen_random_uuid(), 'queued-batch', 'passwordReset', $1, now() - interval '10 minutes') RETURNING id`,
      [user.id],
    );
    // Its batch is queued behind others (here: delayed), so its job is not lost.
    const queue = t.app.get(JobQueue).queue(QUEUES.notifications);
    await queue.add('notification.sendBatch', { deliveryIds: [delivery.id] }, { ...jobOptions('notification.sendBatch'), delay: 1500 });
    expect(await t.app.get(NotificationsService).rescueStuck()).toBe(0);
    expect(await queue.getJob(delivery.id)).toBeFalsy();
    await eventually(async () => sink.to(user.email).length === 1);
  });

  it('sends again, with the same Message-ID, a delivery whose attempt died without a receipt, and shows it re-sent', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const user = await makeUser(ds);
    // What a worker killed after the hand-over leaves: a claim that has run out, no receipt.
    const [delivery] = await ds.query(
      `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, attempts, handover_count, claim_token, claimed_until, updated_at)
       VALUES (gen_random_uuid(), 'killed-mid-send', 'passwordReset', $1, 1, 1, gen_random_uuid(), now() - interval '1 second', now() - interval '10 minutes')
       RETURNING id, message_id`,
      [user.id],
    );
    expect(await t.app.get(NotificationsService).rescueStuck()).toBeLessThanOrEqual(1);
    await eventually(async () => sink.to(user.email).length === 1);
    expect(sink.to(user.email)[0].headers['message-id']).toBe(`<${delivery.message_id}@open-cities.local>`);
    const item = await eventually(async () => {
      const res = await t.http.get('/api/notifications?status=sent&limit=200').set(coordinator.auth).expect(200);
      return res.body.items.find((entry: { id: string }) => entry.id === delivery.id);
    });
    expect(item).toMatchObject({
      status: 'sent',
      attempts: 2,
      receipt: expect.stringMatching(/^250 /),
      messageId: `<${delivery.message_id}@open-cities.local>`,
      handoverCount: 2,
      resent: true,
    });
    // A delivery sent at the first try: confirmed, not re-sent.
    const [first] = (await t.http.get('/api/notifications?status=sent&limit=200').set(coordinator.auth).expect(200)).body.items.filter(
      (entry: { id: string }) => entry.id !== delivery.id,
    );
    expect(first).toMatchObject({ receipt: expect.stringMatching(/^250 /), handoverCount: 1, resent: false });
  });

  it('sends a batch in one go: claims only what is pending and free, records each outcome, retries the batch for a busy one', async () => {
    const [fresh, refused, done, busy] = await Promise.all([0, 1, 2, 3].map(() => makeUser(ds)));
    sink.refuse.add(refused.email.toLowerCase());
    const insert = async (user: { id: string }, extra = '') =>
      (
        await ds.query(
          `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id${extra ? ', status, claim_token, claimed_until' : ''})
           VALUES (gen_random_uuid(), $2, 'passwordReset', $1${extra}) RETURNING id`,
          [user.id, `batch-${randomUUID()}`],
        )
      )[0].id as string;
    // Outside the queue: the sender is called directly, as the batch job's handler does.
    const ids = [await insert(fresh), await insert(refused), await insert(done, `, 'sent', NULL, NULL`)];
    const heldByAnother = await insert(busy, `, 'pending', gen_random_uuid(), now() + interval '1 hour'`);
    const sender = t.app.get(NotificationSender);
    await expect(sender.sendBatch([...ids, heldByAnother])).rejects.toBeInstanceOf(DeliveryBusyError);
    // What it could do, it did: the free one sent, the refused one failed for good, neither left claimed.
    const rows: { id: string; status: string; attempts: number; handover_count: number; claimed_until: Date | null; receipt: string | null }[] = await ds.query(
      `SELECT id, status, attempts, handover_count, claimed_until, receipt FROM notification_delivery WHERE id = ANY($1::uuid[])`,
      [[...ids, heldByAnother]],
    );
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row(ids[0])).toMatchObject({ status: 'sent', attempts: 1, handover_count: 1, claimed_until: null, receipt: expect.stringMatching(/^250 /) });
    expect(row(ids[1])).toMatchObject({ status: 'failed', attempts: 1, handover_count: 0, claimed_until: null });
    expect(row(ids[2])).toMatchObject({ status: 'sent', attempts: 0 });
    expect(row(heldByAnother)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(sink.to(fresh.email)).toHaveLength(1);
    expect(sink.to(done.email)).toHaveLength(0);
    // The job's retry: the claim released, the batch sends the rest and nothing twice.
    await ds.query(`UPDATE notification_delivery SET claim_token = NULL, claimed_until = NULL WHERE id = $1`, [heldByAnother]);
    await expect(sender.sendBatch([...ids, heldByAnother])).resolves.toEqual({ sent: 1, failed: 0, notPending: 3 });
    expect(sink.to(busy.email)).toHaveLength(1);
    expect(sink.to(fresh.email)).toHaveLength(1);
    sink.refuse.delete(refused.email.toLowerCase());
  });

  it('hands each mail of a batch to the SMTP pool once composed, not only as earlier ones are accepted', async () => {
    const n = 3 * COMPOSE_AHEAD;
    const users = await Promise.all(Array.from({ length: n }, () => makeUser(ds)));
    const ids: string[] = [];
    for (const user of users) {
      const [{ id }] = await ds.query(
        `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id) VALUES (gen_random_uuid(), $2, 'passwordReset', $1) RETURNING id`,
        [user.id, `pool-${randomUUID()}`],
      );
      ids.push(id);
    }
    // The server's replies held back until every mail of the batch is with the pool (or 5 s pass):
    // a sender that waits for replies before handing over more stays at its window and times out.
    const sender = t.app.get(NotificationSender);
    const real = sender.transport;
    let inFlight = 0;
    let most = 0;
    let release!: () => void;
    const allHandedOver = new Promise<void>((resolve) => (release = resolve));
    const timeout = setTimeout(release, 5000);
    const holding: MailTransport = {
      kind: real.kind,
      close: () => real.close(),
      async send(mail) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        if (inFlight === n) release();
        await allHandedOver;
        try {
          return await real.send(mail);
        } finally {
          inFlight -= 1;
        }
      },
    };
    Object.defineProperty(sender, 'transport', { value: holding, configurable: true });
    try {
      await expect(sender.sendBatch(ids)).resolves.toEqual({ sent: n, failed: 0, notPending: 0 });
    } finally {
      clearTimeout(timeout);
      delete (sender as unknown as Record<string, unknown>).transport;
    }
    expect(most).toBe(n);
    for (const user of users) expect(sink.to(user.email)).toHaveLength(1);
  });
});

describe('notifications without SMTP_URL: the local sink', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });
  afterAll(() => t.close());

  it('writes each mail as an .eml file under DATA_DIR and lists it at /api/notifications', async () => {
    const coordinator = await makeSignedInUser(t.app.get(DataSource), t.http, 'coordinator');
    const created = await t.http.post('/api/users').set(coordinator.auth).send({ email: 'nowa@example.org', name: 'Nowa Osoba' }).expect(201);
    const item = await eventually(async () => {
      const res = await t.http.get('/api/notifications?status=sent').set(coordinator.auth).expect(200);
      return res.body.items.find((entry: { recipient: { id: string } }) => entry.recipient.id === created.body.id);
    });
    // Named after the Message-ID (fixed per delivery): a re-send would replace the file.
    const messageId = /^<([0-9a-f-]{36})@open-cities\.local>$/.exec(item.messageId)?.[1];
    expect(item.file).toBe(`${t.config.DATA_DIR}/mail/${messageId}.eml`);
    expect(item.receipt).toBe(`stored in ${item.file}`);
    expect([item.handoverCount, item.resent]).toEqual([1, false]);
    expect(existsSync(item.file)).toBe(true);
    const mail = decodeMail(readFileSync(item.file, 'latin1'));
    expect(mail.headers['message-id']).toBe(item.messageId);
    expect(mail.headers.to).toBe('Nowa Osoba <nowa@example.org>');
    expect(mail.subject).toBe('Zaproszenie do platformy Miasta Otwarte');
    expect(mail.text).toMatch(/Ustaw hasło: http:\/\/localhost:\d+\/invitations\/accept\?token=[\w-]{20,}/);
  });
});
