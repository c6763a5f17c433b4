// `npm run cli -- backup` while the embedded default runs and rows are being written, then
// `restore` into a new DATA_DIR and `npm start` on it: every row committed before the backup's end
// LSN is there, and every file. DATA_DIRs sit in 0700 directories, so as root (CI) the clusters
// are the relocated ones.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { clusterDirOf, EmbeddedApp, runCli, startEmbeddedApp } from './embedded-app';

const lsn = (text: string) => {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

describe('backup and restore of the embedded default', () => {
  const work = mkdtempSync(join(tmpdir(), 'oc-backup-'));
  const original = join(work, 'original');
  const restored = join(work, 'restored');
  const archive = join(work, 'backup.tar.gz');
  const apps: EmbeddedApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.stop();
    const clusters = [original, restored].filter((dir) => existsSync(dir)).map(clusterDirOf);
    rmSync(work, { recursive: true, force: true });
    for (const cluster of clusters) rmSync(cluster, { recursive: true, force: true });
  });

  it('backs up during writes and restores every committed row and every file', async () => {
    const app = await startEmbeddedApp(original, { DEMO_DATA: 'off' });
    apps.push(app);
    const files = new Map<string, Buffer>();
    mkdirSync(join(original, 'files'), { recursive: true });
    for (let i = 0; i < 5; i++) {
      const name = randomBytes(8).toString('hex');
      files.set(name, randomBytes(20_000 + i));
      writeFileSync(join(original, 'files', name), files.get(name)!);
    }
    const setup = new Client({ connectionString: app.databaseUrl });
    await setup.connect();
    await setup.query('CREATE TABLE backup_probe (id bigserial PRIMARY KEY, note text NOT NULL)');
    await setup.end();

    // Writers commit rows one by one and note, after each commit, an LSN the commit lies before.
    const committed: { id: string; after: bigint }[] = [];
    let writing = true;
    const writer = async () => {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      while (writing) {
        const { rows } = await client.query(`INSERT INTO backup_probe (note) VALUES ('Wrocław ' || clock_timestamp()) RETURNING id`);
        const [{ lsn: after }] = (await client.query('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows as { lsn: string }[];
        committed.push({ id: rows[0].id as string, after: lsn(after) });
      }
      await client.end();
    };
    const writers = [writer(), writer(), writer()];
    await new Promise((r) => setTimeout(r, 300));
    const result = await runCli(['backup', archive], { DATA_DIR: original });
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await Promise.all(writers);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [, startText, stopText] = result.stdout.match(/WAL (\S+) to (\S+)\)/) ?? [];
    expect(stopText).toBeDefined();
    const [start, stop] = [lsn(startText), lsn(stopText)];
    const mustHave = committed.filter((row) => row.after <= stop);
    // Rows were committed while the backup ran, and after it.
    expect(committed.filter((row) => row.after > start && row.after <= stop).length).toBeGreaterThan(0);
    expect(committed.length).toBeGreaterThan(mustHave.length);

    // Restore refuses a DATA_DIR that is not empty, and anything but the embedded default.
    const refused = await runCli(['restore', archive], { DATA_DIR: original });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^DATA_DIR .* is not empty: restore only into an empty directory/);
    for (const command of ['backup', 'restore']) {
      const external = await runCli([command, archive], { DATA_DIR: restored, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' });
      expect(external.status).toBe(1);
      expect(external.stderr).toMatch(/DATABASE_URL is set.*pg_dump.*pg_basebackup/);
    }
    expect(await app.stop()).toBe(0);

    const restore = await runCli(['restore', archive], { DATA_DIR: restored });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain(`database in ${clusterDirOf(restored)}, 5 file(s)`);
    const again = await startEmbeddedApp(restored, { DEMO_DATA: 'off' });
    apps.push(again);
    const client = new Client({ connectionString: again.databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT id FROM backup_probe');
    await client.end();
    const present = new Set(rows.map((row: { id: string }) => row.id));
    expect(mustHave.filter((row) => !present.has(row.id))).toEqual([]);
    expect(readdirSync(join(restored, 'files')).sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(readFileSync(join(restored, 'files', name)).equals(bytes)).toBe(true);
    // The app on the restored data signs in with the restored secrets and schema.
    const health = await fetch(`http://127.0.0.1:${again.port}/api/health/ready`);
    expect(health.status).toBe(200);
    expect(await again.stop()).toBe(0);
  }, 180_000);
});
