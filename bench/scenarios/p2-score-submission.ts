// P2: a juror's score submission, PUT /api/practices/:id/scores/mine, through the whole API (JWT,
// principal loaded from the database, object-level access check, validation, the single-statement
// write) against a bare Fastify + pg route running the same statement with the same bodies and no
// authentication. Writes are spread over all 50 jurors and ~20,000 (juror, practice) pairs of
// their ballots; every pair already holds a score, so each write is the upsert's update path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../data/generate';
import type { RotatingRequest, RotatingRequestsFile } from '../load/rotating-requests';
import { sessions } from '../lib/sessions';
import type { BaselineServerSpec, BenchContext, ComparisonScenario, RequestSpec, RunningServer } from '../lib/scenario';

const PAIRS = 20_000;

export const PUT_SCORE_BASELINE: BaselineServerSpec = {
  module: 'put-score',
  env: (ctx) => ({ DATABASE_URL: ctx.databaseUrl }),
  readyPath: '/bench/ready',
};

const requestsFile = (ctx: BenchContext) => join(ctx.workDir, 'p2-score-requests.json');

/**
 * Writes the P2 requests (the same for both sides): round robin over the jurors, each on a practice
 * of their ballot (never their own city's, never a declared conflict), valid bodies on the 1..5
 * scale, a comment on three in ten. Deterministic (seed 42).
 */
export async function writeScoreRequests(ctx: BenchContext): Promise<string> {
  const { jurors } = await sessions(ctx);
  const { scorablePractices, conflicts } = ctx.data;
  const rng = new Rng(42, 'p2-score-requests');
  const headerSets = jurors.map((juror) => ({
    authorization: `Bearer ${juror.accessToken}`,
    'content-type': 'application/json',
    // Read by the baseline only (it does no authentication); the API ignores it.
    'x-bench-user': juror.userId,
  }));
  const requests: RotatingRequest[] = [];
  while (requests.length < PAIRS) {
    const j = requests.length % jurors.length;
    const practice = rng.pick(scorablePractices);
    if (practice.cityId === jurors[j].cityId || conflicts.has(`${jurors[j].userId}:${practice.id}`)) continue;
    const score = () => rng.int(1, 5);
    const body = { criteria: { comprehensiveness: score(), longTerm: score(), governmentEngagement: score(), effectiveness: score() }, ...(rng.chance(0.3) ? { comment: `Ocena ${requests.length}: rzetelnie opisane działanie.` } : {}) };
    requests.push(['PUT', `/api/practices/${practice.id}/scores/mine`, j, JSON.stringify(body)]);
  }
  const file = requestsFile(ctx);
  const spec: RotatingRequestsFile = { headerSets, requests };
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

export const scoreRequests = (ctx: BenchContext): RequestSpec => ({
  method: 'PUT',
  path: '/',
  requestsModule: { path: 'load/rotating-requests', params: { file: requestsFile(ctx) } },
});

/** One request to each side with the same body: both 200, the same answer but for updatedAt. */
export async function checkScoreAnswers(ctx: BenchContext, app: RunningServer, baseline: RunningServer): Promise<string> {
  const { jurors } = await sessions(ctx);
  const juror = jurors.find((j) => j.cityId === null) ?? jurors[0];
  const practice = ctx.data.scorablePractices.find((p) => p.cityId !== juror.cityId && !ctx.data.conflicts.has(`${juror.userId}:${p.id}`))!;
  const body = JSON.stringify({ criteria: { comprehensiveness: 4, longTerm: 3, governmentEngagement: 5, effectiveness: 2 }, comment: ' Sprawdzenie. ' });
  const put = async (server: RunningServer) => {
    const response = await fetch(new URL(`/api/practices/${practice.id}/scores/mine`, server.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${juror.accessToken}`, 'content-type': 'application/json', 'x-bench-user': juror.userId },
      body,
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    return { status: response.status, text, comparable: response.status === 200 ? JSON.stringify({ ...JSON.parse(text), updatedAt: '(time)' }) : text };
  };
  const a = await put(app);
  const b = await put(baseline);
  if (a.status !== 200 || b.status !== 200 || a.comparable !== b.comparable) {
    throw new Error(`the sides answer differently: app ${a.status} ${a.text.slice(0, 200)} vs baseline ${b.status} ${b.text.slice(0, 200)}`);
  }
  return `same answer checked (one PUT each, updatedAt aside): 200 ${a.comparable.slice(0, 140)}`;
}

export const p2: ComparisonScenario = {
  kind: 'comparison',
  name: 'p2',
  title: 'PUT /api/practices/:id/scores/mine',
  description: 'jurors\' authenticated score writes vs a bare Fastify + pg route running the same SQL statement, no auth',
  target: [
    { metric: 'throughput', min: 0.8 },
    { metric: 'p99', max: 1.3 },
  ],
  async setup(ctx) {
    await writeScoreRequests(ctx);
  },
  check: checkScoreAnswers,
  app: { kind: 'http', server: 'api', request: scoreRequests },
  baseline: { kind: 'http', server: PUT_SCORE_BASELINE, request: scoreRequests },
};
