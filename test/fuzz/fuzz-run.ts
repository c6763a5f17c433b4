// The OpenAPI-driven fuzzer: boots the real app on 127.0.0.1 over its own PostgreSQL database with the
// demo data, signs in as each role, and sends `requests` requests round-robin over every operation of
// the served document and every role (and anonymously), judging each answer (see send.ts).
import { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@app/domain';
import { createTestApp, seedDemo, TestApp } from '@app/testing';
import { FuzzContext } from './arbitraries';
import { FuzzDocument, listOperations, Operation } from './openapi-operations';
import { FuzzRequest, requestFor, RoleName, ROLES } from './requests';
import { Answer, closeAgent, judge, send } from './send';

export interface FuzzFinding {
  request: { operation: string; role: RoleName; kind: string; method: string; url: string; body?: string };
  status: number;
  millis: number;
  problems: string[];
  answer: string;
}

export interface FuzzSummary {
  seed: number;
  requests: number;
  operations: number;
  operationsHit: number;
  perStatus: Record<string, number>;
  perRole: Record<string, number>;
  serverErrors: number;
  leaks: number;
  slow: number;
  slowest: { millis: number; operation: string; kind: string }[];
  findings: FuzzFinding[];
  seconds: number;
}

type Sessions = Record<Exclude<RoleName, 'anonymous'>, { email: string; authorization?: string }>;

async function signIn(port: number, email: string): Promise<string | undefined> {
  const body = Buffer.from(JSON.stringify({ email, password: DEMO_PASSWORD }));
  const fuzz: FuzzRequest = { operation: 'sign-in', role: 'anonymous', method: 'POST', url: '/api/auth/login', contentType: 'application/json', body, kind: 'setup' };
  const answer = await send(port, fuzz, undefined);
  return answer.status === 200 ? `Bearer ${(JSON.parse(answer.body) as { accessToken: string }).accessToken}` : undefined;
}

/** One demo account per role: the newest edition's expert and juror, a city official. */
async function demoSessions(ds: DataSource): Promise<Sessions> {
  const rows: { role: string; email: string }[] = await ds.query(
    `SELECT DISTINCT ON (g.role) g.role::text AS role, u.email FROM role_grant g JOIN app_user u ON u.id = g.user_id
      LEFT JOIN edition e ON e.id = g.edition_id WHERE u.status = 'active' ORDER BY g.role, e.year DESC NULLS LAST, u.email`,
  );
  const email = (role: string) => rows.find((r) => r.role === role)?.email ?? '';
  return { coordinator: { email: email('coordinator') }, expert: { email: email('expert') }, juror: { email: email('juror') }, official: { email: email('cityOfficial') } };
}

/** Real ids of every table with a uuid id (the signed-in users' own left out, so they stay usable). */
async function knownIds(ds: DataSource, keep: string[]): Promise<Record<string, string[]>> {
  const tables: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
  );
  const own = new Set(((await ds.query('SELECT id FROM app_user WHERE email = ANY($1)', [keep])) as { id: string }[]).map((o) => o.id));
  const byTable: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows: { id: string }[] = await ds.query(`SELECT id FROM "${table_name}" ORDER BY id LIMIT 8`);
    const ids = rows.map((r) => r.id).filter((id) => !own.has(id));
    if (ids.length) byTable[table_name] = ids;
  }
  return byTable;
}

export async function runFuzz(options: { requests: number; seed: number; log?: (line: string) => void }): Promise<FuzzSummary> {
  const started = Date.now();
  // The fuzzer's own volume must not meet the sign-in limits (a 429 stays an acceptable answer).
  const t: TestApp = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_IP: '100000000', AUTH_RATE_LIMIT_PER_ACCOUNT: '100000000' } });
  try {
    const ds = t.app.get(DataSource);
    await seedDemo(ds);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const document = (await t.http.get('/api/docs-json').expect(200)).body as FuzzDocument;
    const operations = listOperations(document);
    const sessions = await demoSessions(ds);
    const refresh = async () => {
      for (const session of Object.values(sessions)) session.authorization = await signIn(port, session.email);
    };
    await refresh();
    const idsByTable = await knownIds(ds, Object.values(sessions).map((s) => s.email));
    const context: FuzzContext = {
      document,
      ids: Object.values(idsByTable).flat(),
      idsByTable,
      emails: ((await ds.query('SELECT email FROM app_user ORDER BY email LIMIT 20')) as { email: string }[]).map((r) => r.email),
      years: ((await ds.query('SELECT year FROM edition ORDER BY year')) as { year: number }[]).map((r) => r.year),
    };
    return await fuzzLoop({ ...options, port, operations, context, sessions, refresh, started });
  } finally {
    closeAgent();
    await t.close();
  }
}

async function fuzzLoop(run: {
  requests: number; seed: number; log?: (line: string) => void; port: number; operations: Operation[];
  context: FuzzContext; sessions: Sessions; refresh: () => Promise<void>; started: number;
}): Promise<FuzzSummary> {
  const { operations, sessions } = run;
  const arbitraries = new Map<string, fc.Arbitrary<FuzzRequest>>();
  const summary: FuzzSummary = {
    seed: run.seed, requests: 0, operations: operations.length, operationsHit: 0, perStatus: {}, perRole: {},
    serverErrors: 0, leaks: 0, slow: 0, slowest: [], findings: [], seconds: 0,
  };
  const hit = new Set<string>();
  for (let i = 0; i < run.requests; i++) {
    const operation = operations[i % operations.length];
    // Shifted each round, so every operation meets every role.
    const role = ROLES[(i + Math.floor(i / operations.length)) % ROLES.length];
    const key = `${operation.key} ${role}`;
    if (!arbitraries.has(key)) arbitraries.set(key, requestFor(run.context, operation, role));
    const [fuzz] = fc.sample(arbitraries.get(key)!, { seed: run.seed + i, numRuns: 1 });
    const authorization = fuzz.authorization ?? (role === 'anonymous' ? undefined : sessions[role].authorization);
    let answer: Answer;
    try {
      answer = await send(run.port, fuzz, authorization);
    } catch (error) {
      // Refusing a body over the limit, the server answers 413 and closes while the body is still
      // being written: the client may see only the closed socket. Anything else is a failure.
      const closed = fuzz.kind.startsWith('oversized') && /EPIPE|ECONNRESET|socket hang up/.test(String(error));
      answer = { status: closed ? 0 : 599, millis: 0, body: String(error), contentType: 'text/plain' };
    }
    summary.requests++;
    hit.add(operation.key);
    summary.perStatus[answer.status] = (summary.perStatus[answer.status] ?? 0) + 1;
    summary.perRole[role] = (summary.perRole[role] ?? 0) + 1;
    summary.slowest = [...summary.slowest, { millis: Math.round(answer.millis), operation: operation.key, kind: fuzz.kind }].sort((a, b) => b.millis - a.millis).slice(0, 5);
    const problems = judge(answer);
    if (problems.length) {
      if (problems.some((p) => p.startsWith('status'))) summary.serverErrors++;
      if (problems.some((p) => p.startsWith('leaks'))) summary.leaks++;
      if (problems.some((p) => p.startsWith('slow'))) summary.slow++;
      if (summary.findings.length < 50) {
        const body = fuzz.body && fuzz.body.length < 600 ? fuzz.body.toString('utf8') : fuzz.body ? `<${fuzz.body.length} bytes>` : undefined;
        summary.findings.push({ request: { operation: operation.key, role, kind: fuzz.kind, method: fuzz.method, url: fuzz.url.slice(0, 300), body }, status: answer.status, millis: Math.round(answer.millis), problems, answer: answer.body.slice(0, 400) });
      }
    }
    // A fuzzed logout, password change or disable can end a role's session: sign in again.
    if (answer.status === 401 && role !== 'anonymous' && !fuzz.authorization) await run.refresh();
    if (run.log && (i + 1) % 1000 === 0) run.log(`fuzz: ${i + 1} requests, ${summary.serverErrors} 5xx, ${summary.leaks} leaks, ${summary.slow} slow`);
  }
  summary.operationsHit = hit.size;
  summary.seconds = Math.round((Date.now() - run.started) / 1000);
  return summary;
}

export function formatSummary(summary: FuzzSummary): string {
  const statuses = Object.entries(summary.perStatus).sort(([a], [b]) => Number(a) - Number(b)).map(([s, n]) => `${s}: ${n}`).join(', ');
  const lines = [
    `OpenAPI fuzz (seed ${summary.seed}): ${summary.requests} requests over ${summary.operationsHit}/${summary.operations} operations in ${summary.seconds} s`,
    `  per role: ${Object.entries(summary.perRole).map(([r, n]) => `${r} ${n}`).join(', ')}`,
    `  per status: ${statuses}`,
    `  5xx: ${summary.serverErrors}, leaks: ${summary.leaks}, slower than 2 s: ${summary.slow}`,
    `  slowest: ${summary.slowest.map((s) => `${s.millis} ms ${s.operation} (${s.kind})`).join('; ')}`,
  ];
  for (const finding of summary.findings.slice(0, 20)) lines.push(`  ✗ ${finding.problems.join(', ')}: ${JSON.stringify(finding)}`);
  return lines.join('\n');
}
