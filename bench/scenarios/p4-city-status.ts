// P4: a city official's status list, GET /api/cities/:id/status, through the whole API (JWT,
// principal, object-level check of the city) against a bare Fastify + pg route running the same
// queries as ReportsService.cityStatus. The requests rotate over every official of the data set,
// each asking for their own city (both editions: the published one with its awards, the one in
// juryScoring with statuses masked).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RotatingRequestsFile } from '../load/rotating-requests';
import type { BenchContext, ComparisonScenario, RequestSpec, RunningServer } from '../lib/scenario';
import { sessions } from '../lib/sessions';

const requestsFile = (ctx: BenchContext) => join(ctx.workDir, 'p4-city-status-requests.json');

const statusRequests = (ctx: BenchContext): RequestSpec => ({
  method: 'GET',
  path: '/',
  requestsModule: { path: 'load/rotating-requests', params: { file: requestsFile(ctx) } },
});

/** Every official's city on both sides: 200 and the same body, byte for byte. */
async function checkStatusAnswers(ctx: BenchContext, app: RunningServer, baseline: RunningServer): Promise<string> {
  const { officials } = await sessions(ctx);
  let practices = 0;
  let awards = 0;
  for (const official of officials) {
    const get = async (server: RunningServer) => {
      const response = await fetch(new URL(`/api/cities/${official.cityId}/status`, server.url), {
        headers: { authorization: `Bearer ${official.accessToken}` },
        signal: AbortSignal.timeout(5000),
      });
      return { status: response.status, text: await response.text() };
    };
    const [a, b] = [await get(app), await get(baseline)];
    if (a.status !== 200 || a.status !== b.status || a.text !== b.text) {
      throw new Error(`the sides answer differently for city ${official.cityId}: app ${a.status} ${a.text.slice(0, 200)} vs baseline ${b.status} ${b.text.slice(0, 200)}`);
    }
    const body = JSON.parse(a.text) as { editions: { practices: unknown[]; awards: unknown[] }[] };
    for (const edition of body.editions) {
      practices += edition.practices.length;
      awards += edition.awards.length;
    }
  }
  return `same answer checked for all ${officials.length} officials' cities (${practices} practices, ${awards} awards in all; ~${Math.round(practices / officials.length)} practices per answer)`;
}

export const p4: ComparisonScenario = {
  kind: 'comparison',
  name: 'p4',
  title: 'GET /api/cities/:id/status',
  description: 'city officials\' status list of their city vs a bare Fastify + pg route running the same queries, no auth',
  target: { metric: 'throughput', min: 0.8 },
  async setup(ctx) {
    const { officials } = await sessions(ctx);
    const spec: RotatingRequestsFile = {
      headerSets: officials.map((official) => ({ authorization: `Bearer ${official.accessToken}` })),
      requests: officials.map((official, i) => ['GET', `/api/cities/${official.cityId}/status`, i, null]),
    };
    writeFileSync(requestsFile(ctx), JSON.stringify(spec));
  },
  check: checkStatusAnswers,
  app: { kind: 'http', server: 'api', request: statusRequests },
  baseline: {
    kind: 'http',
    server: { module: 'city-status', env: (ctx) => ({ DATABASE_URL: ctx.databaseUrl }), readyPath: '/bench/ready' },
    request: statusRequests,
  },
};
