// P3: the ranked results of the national edition (10,000 practices, ~500,000 scores), GET
// /api/editions/:id/results?method=… for each method as the coordinator, against the same SQL
// (resultsSql(method), imported from the app's dist) through raw pg in the harness; and the
// agreement endpoint against AGREEMENT_SQL + the same alpha computation. One call at a time:
// a warm-up of each side (which also checks that both return the same items), then the sides
// alternately, `--pairs` calls each. The time of an API call ends when its whole body is read.
import { Client } from 'pg';
import { AGREEMENT_SQL, AgreementRow, resultsSql } from '@app/domain/jury/results.repository';
import { agreementFromRow } from '@app/domain/jury/results.service';
import type { ResultMethod } from '@app/domain/jury/dto/jury.dto';
import { targetMet } from '../lib/compare';
import { waitForQuiet } from '../lib/processes';
import type { BenchContext, MeasurementScenario, ReportRow, Target } from '../lib/scenario';
import { sessions } from '../lib/sessions';
import { fmtMs, fmtRatio, median } from '../lib/stats';

const TARGET: Target = { metric: 'p50', max: 1.2 };
const METHODS: ResultMethod[] = ['mean', 'median', 'zscore', 'borda'];

interface Case {
  name: string;
  path: string;
  /** What the API answers with, from its parsed body, to compare with `raw`. */
  fromApi(body: unknown): unknown;
  raw(client: Client): Promise<unknown>;
}

function cases(ctx: BenchContext): Case[] {
  const editionId = ctx.data.currentEditionId;
  return [
    ...METHODS.map((method): Case => ({
      name: `results ${method}`,
      path: `/api/editions/${editionId}/results?method=${method}`,
      fromApi: (body) => (body as { items: unknown[] }).items,
      raw: async (client) => (await client.query(resultsSql(method), [editionId, null, null])).rows,
    })),
    {
      name: 'agreement',
      path: `/api/editions/${editionId}/agreement`,
      fromApi: (body) => body,
      raw: async (client) => agreementFromRow((await client.query<AgreementRow>(AGREEMENT_SQL, [editionId])).rows[0]),
    },
  ];
}

const time = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const began = performance.now();
  const value = await work();
  return { ms: performance.now() - began, value };
};

export const p3: MeasurementScenario = {
  kind: 'measurement',
  name: 'p3',
  title: 'GET /api/editions/:id/results (each method) and /agreement',
  description: 'the coordinator\'s results and agreement at national scale vs the same SQL through raw pg, time per call',
  async run(ctx) {
    const { coordinator } = await sessions(ctx);
    const client = new Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    const rows: ReportRow[] = [];
    const details: string[] = [`${ctx.options.pairs} alternating calls per side after one warm-up call each; API calls as the coordinator, timed until the whole body is read`];
    let allMet = true;
    let valid = true;
    try {
      for (const c of cases(ctx)) {
        const api = async () => {
          const response = await fetch(new URL(c.path, ctx.api.url), { headers: { authorization: `Bearer ${coordinator.accessToken}` }, signal: AbortSignal.timeout(60_000) });
          const text = await response.text();
          if (response.status !== 200) throw new Error(`${c.path} answered ${response.status}: ${text.slice(0, 200)}`);
          return text;
        };
        const raw = () => c.raw(client);
        const warmApi = await time(api);
        const warmRaw = await time(raw);
        const same = JSON.stringify(c.fromApi(JSON.parse(warmApi.value))) === JSON.stringify(warmRaw.value);
        const size = `${(Buffer.byteLength(warmApi.value) / 1024).toFixed(0)} KiB`;
        const apiMs: number[] = [];
        const rawMs: number[] = [];
        for (let i = 0; i < ctx.options.pairs; i++) {
          await waitForQuiet();
          apiMs.push((await time(api)).ms);
          await waitForQuiet();
          rawMs.push((await time(raw)).ms);
        }
        const ratio = median(apiMs) / median(rawMs);
        const met = targetMet(TARGET, ratio);
        allMet &&= met;
        valid &&= same;
        ctx.log(`  ${c.name}: API ${fmtMs(median(apiMs))}, raw pg ${fmtMs(median(rawMs))} (${fmtRatio(ratio)})${same ? '' : ' ANSWERS DIFFER'}`);
        rows.push({
          metric: `${c.name}: time per call (median)`,
          app: fmtMs(median(apiMs)),
          baseline: fmtMs(median(rawMs)),
          ratio: fmtRatio(ratio),
          target: 'time ≤ 120.0%',
          result: same ? (met ? 'met' : 'MISSED') : 'INVALID',
        });
        details.push(
          `${c.name}: API ${apiMs.map(fmtMs).join(', ')}; raw pg ${rawMs.map(fmtMs).join(', ')}; warm-up API ${fmtMs(warmApi.ms)}, raw ${fmtMs(warmRaw.ms)}; ` +
            `body ${size}; ${same ? 'same items as the raw query' : 'INVALID: the API\'s items differ from the raw query\'s rows'}`,
        );
      }
    } finally {
      await client.end();
    }
    return { name: this.name, title: this.title, rows, details, targetMet: valid ? allMet : null, valid };
  },
};
