// The reminder schedule: N days before a deadline (per edition), one reminder event per edition and
// deadline, however often the schedule runs; a moved deadline is a new deadline.
import { DataSource } from 'typeorm';
import { fanOutsOf, NotificationsService } from '@app/domain';
import { createTestApp, makeEdition, TestApp } from '@app/testing';

const days = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000);

describe('notification reminders', () => {
  let t: TestApp;
  let ds: DataSource;
  let reminders: NotificationsService;
  beforeAll(async () => {
    // No worker: this file checks the events the schedule writes; delivering reminders needs the
    // report and scoring tables of the expert and jury stages.
    t = await createTestApp();
    ds = t.app.get(DataSource);
    reminders = t.app.get(NotificationsService);
  });
  afterAll(() => t.close());

  const events = () =>
    ds.query(`SELECT type, payload FROM outbox_event WHERE type LIKE 'reminder.%' ORDER BY created_at`) as Promise<
      { type: string; payload: { editionId: string; dueAt: string } }[]
    >;

  it('writes a reminder once per edition and deadline, within the edition’s reminder days', async () => {
    const reports = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: days(2) }); // default 3 days: due
    const later = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: days(5) }); // not yet
    const past = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: days(-1) }); // too late
    const draft = await makeEdition(ds, { stage: 'draft', reportsDueAt: days(1) }); // not open
    const scoring = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt: days(0.5) }); // default 1 day: due
    const scoringLater = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt: days(2) });
    await ds.query(`UPDATE edition SET scoring_reminder_days = 3 WHERE id = $1`, [scoringLater.id]); // edited: due

    expect(await reminders.issueReminders()).toBe(3);
    expect(await reminders.issueReminders()).toBe(0);
    const written = await events();
    expect(written.map((e) => `${e.type} ${e.payload.editionId}`).sort()).toEqual(
      [`reminder.reportsDue ${reports.id}`, `reminder.scoringDue ${scoring.id}`, `reminder.scoringDue ${scoringLater.id}`].sort(),
    );
    for (const untouched of [later, past, draft]) expect(written.some((e) => e.payload.editionId === untouched.id)).toBe(false);

    // The coordinator moves the deadline: that is a new deadline, with its own reminder.
    const moved = days(1);
    await ds.query(`UPDATE edition SET reports_due_at = $2 WHERE id = $1`, [reports.id, moved]);
    expect(await reminders.issueReminders()).toBe(1);
    expect((await events()).filter((e) => e.payload.editionId === reports.id).map((e) => e.payload.dueAt)).toHaveLength(2);
    expect(await reminders.issueReminders()).toBe(0);
  });

  it('keys reminder deliveries by deadline, so a second event for the same deadline reaches nobody twice', async () => {
    const [first] = fanOutsOf('reminder.scoringDue', { editionId: 'e1', dueAt: '2015-04-30T21:59:00.000Z' });
    const [second] = fanOutsOf('reminder.scoringDue', { editionId: 'e1', dueAt: '2015-04-30T21:59:00.000Z' });
    expect(first.dedupeKey).toBe('scoringReminder:e1:2015-04-30T21:59:00.000Z');
    expect(second.dedupeKey).toBe(first.dedupeKey);
  });
});
