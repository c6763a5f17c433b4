// The OpenAPI fuzzer inside `npm test`: a seeded slice of about 1,500 requests over every operation and
// role. `npm run fuzz` runs the same with FUZZ_REQUESTS=12000 and a random seed (printed).
import { formatSummary, runFuzz } from './fuzz-run';

const requests = Number(process.env.FUZZ_REQUESTS ?? 1500);
const seed = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261207);

describe('OpenAPI fuzz', () => {
  it(`answers ${requests} generated and hostile requests with no 5xx, no leak, none slower than 2 s`, async () => {
    const summary = await runFuzz({ requests, seed, log: requests > 2000 ? (line) => process.stdout.write(`${line}\n`) : undefined });
    process.stdout.write(`${formatSummary(summary)}\n`);
    expect(summary.operationsHit).toBe(summary.operations);
    expect(summary.findings).toEqual([]);
    expect(summary.requests).toBe(requests);
  }, Math.max(120_000, requests * 200));
});
