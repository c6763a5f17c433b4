// The built entry points as a user runs them: bad configuration stops boot with one line and exit 1;
// the embedded default starts from nothing, stops cleanly on SIGINT and keeps its data.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@app/core';
import { dataDirKey, RELOCATED_ROOT } from '@app/core/database/embedded-cluster-location';
import { createTestDatabase } from '@app/testing';

const root = join(__dirname, '..');
const dist = (path: string) => join(root, 'dist', path);
const goodEnv = {
  PATH: process.env.PATH ?? '',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
  JWT_SECRET: 'x'.repeat(40),
  LOG_LEVEL: 'silent',
};

beforeAll(() => {
  if (!existsSync(dist('apps/api/src/main.js'))) throw new Error('dist/ is missing: npm test builds it first (pretest)');
});

describe.each([
  ['api', 'apps/api/src/main.js'],
  ['worker', 'apps/worker/src/main.js'],
])('%s with bad configuration', (_name, entry) => {
  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer between 1 and 65535 \(got "abc"\)\n$/],
    [{ DATABASE_URL: 'not-a-url' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL.*\n$/],
    [{ JWT_SECRET: '' }, /^Invalid configuration: JWT_SECRET must be at least 32 characters.*\n$/],
  ])('%p exits 1 with one line', (override, expected) => {
    const result = spawnSync(process.execPath, [dist(entry)], { env: { ...goodEnv, ...override }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('embedded default', () => {
  // A 0700 directory, as a checkout under /root is: as root, PostgreSQL's user cannot enter it.
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-embedded-'));
  const asRoot = process.getuid?.() === 0;
  const clusterDir = asRoot ? join(RELOCATED_ROOT, dataDirKey(dataDir)) : join(dataDir, 'postgres');
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(clusterDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; databaseUrl: string; output: () => string }> {
    const port = await freePort();
    const child = spawn(process.execPath, [dist('apps/standalone/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`embedded default exited early:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status, () => 0);
      // The banner (and the demo accounts) are printed right after the API starts listening.
      if (ready === 200 && output.includes('Press Ctrl-C to stop.')) break;
      if (Date.now() > deadline) throw new Error(`not ready after 30 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8'));
    return { child, port, databaseUrl, output: () => output };
  }

  async function interrupt(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    return exited;
  }

  const postgresRunningOn = (dir: string) => spawnSync('pgrep', ['-f', `postgres -D ${dir} `], { encoding: 'utf8' }).stdout.trim() !== '';

  it('starts from nothing, stops on SIGINT with PostgreSQL, and keeps data across restarts', async () => {
    const first = await start();
    expect(first.output()).toContain(`Starting the embedded PostgreSQL (data in ${clusterDir}`);
    // The demo data is loaded into the new database and its accounts printed, marked for local use.
    expect(first.output()).toMatch(/Loaded the demo data/);
    expect(first.output()).toMatch(/FOR LOCAL USE ONLY/);
    expect(first.output()).toMatch(/password: miasta-otwarte-demo\n/);
    expect(first.output()).toMatch(/koordynator@demo\.miastaotwarte\.pl +coordinator/);
    const login = await fetch(`http://127.0.0.1:${first.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'koordynator@demo.miastaotwarte.pl', password: 'miasta-otwarte-demo' }),
    });
    expect(login.status).toBe(200);
    const client = new Client({ connectionString: first.databaseUrl });
    await client.connect();
    await client.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Łódź')`);
    await client.end();
    expect(await interrupt(first.child)).toBe(0);
    expect(postgresRunningOn(clusterDir)).toBe(false);

    const second = await start();
    expect(second.output()).toMatch(/Demo data is loaded \(from an earlier start\)/);
    const again = new Client({ connectionString: second.databaseUrl });
    await again.connect();
    const { rows } = await again.query('SELECT note FROM kept');
    const editions = await again.query('SELECT count(*)::int AS count FROM edition');
    await again.end();
    expect(rows).toEqual([{ note: 'Łódź' }]);
    expect(editions.rows).toEqual([{ count: 3 }]);
    expect(await interrupt(second.child)).toBe(0);
    expect(postgresRunningOn(clusterDir)).toBe(false);
  });
});

describe('embedded default with bad DEMO_DATA', () => {
  it('exits 1 with one line before starting anything', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-embedded-bad-'));
    try {
      const result = spawnSync(process.execPath, [dist('apps/standalone/src/main.js')], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, DEMO_DATA: 'maybe' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('Invalid configuration: DEMO_DATA must be on or off (got "maybe")\n');
      expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('cli create-coordinator', () => {
  it('creates an active coordinator with the password read from stdin', async () => {
    const db = await createTestDatabase();
    try {
      const run = (password: string) =>
        spawnSync(process.execPath, [dist('apps/api/src/cli.js'), 'create-coordinator', '--email', 'Koordynator@Example.org', '--name', 'Anna Nowak'], {
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url },
          input: `${password}\n`,
          encoding: 'utf8',
          timeout: 30_000,
        });
      const weak = run('short');
      expect(weak.status).toBe(1);
      expect(weak.stderr).toMatch(/password must be at least 12 characters long/);
      const ok = run('a long enough passphrase');
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toMatch(/Coordinator koordynator@example.org \(.+\) is active/);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT u.status, u.password_hash LIKE '$argon2id$%' AS argon, g.role FROM app_user u JOIN role_grant g ON g.user_id = u.id WHERE u.email = 'koordynator@example.org'`,
      );
      await client.end();
      expect(rows).toEqual([{ status: 'active', argon: true, role: 'coordinator' }]);
    } finally {
      await db.drop();
    }
  });
});
