// The embedded PostgreSQL started as a newcomer would: as root (in CI), with DATA_DIR inside a 0700
// directory like /root, which the OS user "postgres" cannot enter. The cluster then lives under
// /var/lib/open-cities/<hash>, the start says so in one line, and data survives a restart. Start
// failures are one line naming the cause and the fix.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '@app/core/database/embedded-postgres';
import { dataDirKey, RELOCATED_ROOT } from '@app/core/database/embedded-cluster-location';

const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL under a 0700 directory', () => {
  const home = mkdtempSync(join(tmpdir(), 'oc-home-'));
  const dataDir = join(home, 'open-cities', '.data');
  mkdirSync(dataDir, { recursive: true });
  const relocatedDir = join(RELOCATED_ROOT, dataDirKey(dataDir));
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    if (asRoot) rmSync(relocatedDir, { recursive: true, force: true });
  });

  it('starts, answers, says where its data is, and keeps it across a restart', async () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const lines: string[] = [];
    const first = await startEmbeddedPostgres(dataDir, { fsync: false, announce: (line) => lines.push(line) });
    try {
      const client = new Client({ connectionString: first.url });
      await client.connect();
      await client.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Gdańsk')`);
      await client.end();
    } finally {
      await first.stop();
    }
    expect(lines).toHaveLength(1);
    if (asRoot) {
      // The postgres user cannot enter the 0700 home: the cluster moved, owned by it, 0700.
      expect(first.clusterDir).toBe(relocatedDir);
      expect(lines[0]).toContain(`data in ${relocatedDir}, because the OS user "postgres" it runs as cannot reach ${dataDir}`);
      const stat = statSync(relocatedDir);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).not.toBe(0);
    } else {
      expect(first.clusterDir).toBe(join(dataDir, 'postgres'));
      expect(lines[0]).toBe(`Starting the embedded PostgreSQL (data in ${join(dataDir, 'postgres')})...`);
    }

    const second = await startEmbeddedPostgres(dataDir, { fsync: false });
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      const client = new Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query('SELECT note FROM kept');
      await client.end();
      expect(rows).toEqual([{ note: 'Gdańsk' }]);
    } finally {
      await second.stop();
    }
  });
});

describe('embedded PostgreSQL start failures', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-broken-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names the cause and the fix in one line when the cluster is from another PostgreSQL version', async () => {
    // A cluster left by PostgreSQL 12 (only the marker matters: the server checks it first).
    mkdirSync(join(dataDir, 'postgres', 'global'), { recursive: true });
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '12\n');
    writeFileSync(join(dataDir, 'postgres', 'postgresql.conf'), '');
    const failure = await startEmbeddedPostgres(dataDir, { fsync: false }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmbeddedPostgresError);
    const message = (failure as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^the embedded PostgreSQL did not start: the cluster in .*postgres was made by PostgreSQL 12, and this is PostgreSQL 18\S*\. Fix: back it up/);
  });
});
