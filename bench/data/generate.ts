// Deterministic seeded data for the benchmarks: the same seed and scale give the same rows, byte for
// byte (ids included), on every machine. Each table has one generator function; `GENERATORS` lists
// them in dependency order (a table's generator may read the rows of the tables before it).
// Each table draws from its own random stream (seed + table name), so adding a table never changes
// the rows of the others. Rows go in with COPY (pg-copy-streams) in one transaction.
//
// Scale 1 is the national scale of issue 8: 2,500 cities, an edition in juryScoring with 10,000
// eligible practices scored by 50 jurors (~500,000 score rows, 2,000,000 criterion values), a
// published edition before it, 200,000 accounts. `--scale 0.1` is a tenth of everything but the jury.
//
// As a command: DATABASE_URL=… node dist/bench/data/generate.js [--seed 42] [--scale 1] [--truncate]
import { createHash } from 'node:crypto';
import * as argon2 from 'argon2';
import { BENCH_PASSWORD, col, EPOCH, Rng, TableData, TableGenerator } from './model';
import { categories, cities, editions, editionStageEvents, roleGrants, users } from './tables-setup';
import { loadDataset } from './load';
import { awardCategories, awardPractices, awards, conflicts, outboxEvents, practiceCategories, practices, reports, scores } from './tables-work';

export * from './model';
export * from './tables-setup';
export * from './tables-work';
export * from './load';

// Add a function above and list it here after the tables it reads from.
export const GENERATORS: TableGenerator[] = [
  cities,
  editions,
  editionStageEvents,
  categories,
  users,
  roleGrants,
  reports,
  practices,
  practiceCategories,
  conflicts,
  scores,
  awards,
  awardCategories,
  awardPractices,
  outboxEvents,
];

// ---- building and inserting ------------------------------------------------------------------

export interface Dataset {
  seed: number;
  scale: number;
  tables: TableData[];
  /** sha256 of the rows (first 12 hex digits): equal fingerprints, equal data. */
  fingerprint: string;
  /** Milliseconds spent generating the rows in memory (hash included). */
  buildMs: number;
}

/** The argon2id hash every active account shares: the app's parameters, a salt derived from the seed. */
export function benchPasswordHash(seed: number): Promise<string> {
  const salt = createHash('sha256').update(`oc-bench-salt:${seed}`).digest().subarray(0, 16);
  return argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1, salt });
}

export async function buildDataset(seed: number, scale = 1, generators: TableGenerator[] = GENERATORS): Promise<Dataset> {
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!(scale > 0 && scale <= 4)) throw new Error('scale must be a number in (0, 4]');
  const began = performance.now();
  const passwordHash = await benchPasswordHash(seed);
  const tables = new Map<string, TableData>();
  for (const generate of generators) {
    const data = generate({ seed, scale, rng: new Rng(seed, generate.name), tables, epoch: EPOCH, passwordHash });
    if (tables.has(data.table)) throw new Error(`table ${data.table} is generated twice`);
    tables.set(data.table, data);
  }
  const hash = createHash('sha256');
  for (const data of tables.values()) {
    hash.update(`${data.table}(${data.columns.join(',')})\n`);
    for (const row of data.rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return { seed, scale, tables: [...tables.values()], fingerprint: hash.digest('hex').slice(0, 12), buildMs: performance.now() - began };
}

/** What the scenarios need to know about a data set: who signs in, which edition, what to score. */
export interface DatasetFacts {
  password: string;
  currentEditionId: string;
  publishedEditionId: string;
  coordinators: { id: string; email: string }[];
  jurors: { id: string; email: string; cityId: string | null }[];
  officials: { id: string; email: string; cityId: string }[];
  /** Eligible practices of the current edition with their city (what jurors score). */
  scorablePractices: { id: string; cityId: string }[];
  /** `${jurorId}:${practiceId}` of the declared conflicts (never scored). */
  conflicts: ReadonlySet<string>;
}

export function datasetFacts(dataset: Dataset): DatasetFacts {
  const get = (name: string) => dataset.tables.find((t) => t.table === name)!;
  const ed = get('edition');
  const editionOf = (stage: string) => ed.rows.find((row) => row[col(ed, 'stage')] === stage)![col(ed, 'id')] as string;
  const currentEditionId = editionOf('juryScoring');
  const u = get('app_user');
  const emailOf = new Map(u.rows.map((row) => [row[col(u, 'id')] as string, row[col(u, 'email')] as string]));
  const g = get('role_grant');
  const grants = (role: string, editionId: string | null) =>
    g.rows
      .filter((row) => row[col(g, 'role')] === role && row[col(g, 'edition_id')] === editionId)
      .map((row) => ({ id: row[col(g, 'user_id')] as string, email: emailOf.get(row[col(g, 'user_id')] as string)!, cityId: row[col(g, 'city_id')] as string | null }));
  const rep = get('report');
  const cityOfReport = new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, row[col(rep, 'city_id')] as string]));
  const editionOfReport = new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, row[col(rep, 'edition_id')] as string]));
  const pr = get('practice');
  const ci = get('conflict_of_interest');
  return {
    password: BENCH_PASSWORD,
    currentEditionId,
    publishedEditionId: editionOf('published'),
    coordinators: grants('coordinator', null).map(({ id, email }) => ({ id, email })),
    jurors: grants('juror', currentEditionId),
    officials: grants('cityOfficial', null).map(({ id, email, cityId }) => ({ id, email, cityId: cityId! })),
    scorablePractices: pr.rows
      .filter((row) => row[col(pr, 'status')] === 'eligible' && editionOfReport.get(row[col(pr, 'report_id')] as string) === currentEditionId)
      .map((row) => ({ id: row[col(pr, 'id')] as string, cityId: cityOfReport.get(row[col(pr, 'report_id')] as string)! })),
    conflicts: new Set(ci.rows.map((row) => `${row[col(ci, 'juror_id')]}:${row[col(ci, 'practice_id')]}`)),
  };
}

export const describeDataset = (dataset: Dataset) =>
  `seed ${dataset.seed}, scale ${dataset.scale}: ${dataset.tables.map((t) => `${t.table} ${t.rows.length}`).join(', ')} rows; fingerprint ${dataset.fingerprint}`;

if (require.main === module) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: DATABASE_URL=postgres://… node dist/bench/data/generate.js [--seed 42] [--scale 1] [--truncate]');
    process.exit(2);
  }
  buildDataset(Number(arg('seed') ?? 42), Number(arg('scale') ?? 1))
    .then(async (dataset) => {
      const timing = await loadDataset(url, dataset, { truncate: process.argv.includes('--truncate') });
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(`inserted ${describeDataset(dataset)}\nbuilt in ${s(dataset.buildMs)}, copied in ${s(timing.copyMs)}, vacuum/analyze/checkpoint ${s(timing.settleMs)}`);
    })
    .catch((error: unknown) => {
      console.error(`data generation failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
