// The outbox → relay → BullMQ → worker path, on every backend this machine offers (Redis and
// BullMQ's PostgreSQL backend when both exist), and the sweep that recovers un-enqueued rows.
import { DataSource } from 'typeorm';
import { JobQueue, OutboxRelay, UnitOfWork } from '@app/core';
import { availableQueueBackends, createTestApp, createTestDatabase, drainQueue, eventually, TestApp, TestDatabase } from '@app/testing';
import { SWEEP_GRACE_MS } from '@app/worker';

describe.each(availableQueueBackends())('queue on the %s backend', (backend) => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp({ backend, database: db, worker: true });
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  const processedAt = async (id: string) => {
    const [row] = await t.app.get(DataSource).query('SELECT processed_at FROM outbox_event WHERE id = $1', [id]);
    return row?.processed_at as Date | null;
  };

  it('runs a committed outbox event through the worker exactly once', async () => {
    const id = await t.app.get(UnitOfWork).run((tx) => tx.emit('system.ping', { note: backend }));
    const done = await eventually(() => processedAt(id));
    expect(done).toBeInstanceOf(Date);
    await drainQueue(t.app.get(JobQueue));
    const [row] = await t.app.get(DataSource).query('SELECT enqueued_at, processed_at FROM outbox_event WHERE id = $1', [id]);
    expect(row.enqueued_at).not.toBeNull();
    expect(row.processed_at).toEqual(done);
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      t.app.get(UnitOfWork).run(async (tx) => {
        await tx.emit('system.ping', { note: 'rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await t.app.get(DataSource).query(`SELECT 1 FROM outbox_event WHERE payload->>'note' = 'rolled back'`);
    expect(rows).toHaveLength(0);
  });

  it('recovers a row committed without an enqueue (crash between commit and enqueue)', async () => {
    const dataSource = t.app.get(DataSource);
    // As if the API died right after COMMIT: the row exists, the relay never ran.
    const [{ id }] = await dataSource.query(
      `INSERT INTO outbox_event (type, payload, created_at) VALUES ('system.ping', '{"note":"orphan"}', now() - interval '1 minute') RETURNING id`,
    );
    const moved = await t.app.get(OutboxRelay).flushAll(SWEEP_GRACE_MS);
    expect(moved).toBe(1);
    expect(await eventually(() => processedAt(id))).toBeInstanceOf(Date);
    // A second sweep finds nothing left to move.
    expect(await t.app.get(OutboxRelay).flushAll(SWEEP_GRACE_MS)).toBe(0);
  });
});
