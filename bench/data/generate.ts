// Deterministic seeded data for the benchmarks: the same seed and scale give the same rows, byte for
// byte (ids included), on every machine. Each table has one generator function; `GENERATORS` lists
// them in dependency order (a table's generator may read the rows of the tables before it).
// Each table draws from its own random stream (seed + table name), so adding a table never changes
// the rows of the others. Rows go in with multi-row INSERTs in one transaction.
//
// As a command: DATABASE_URL=… node dist/bench/data/generate.js [--seed 42] [--scale 1] [--truncate]
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { OutboxEventType } from '@app/core/outbox/outbox-events';

/** A value as node-postgres binds it (jsonb: pass JSON text). */
export type Cell = string | number | boolean | null;

export interface TableData {
  table: string;
  columns: string[];
  rows: Cell[][];
}

/** What a generator gets: its own random stream, the scale, and the tables generated before it. */
export interface GenContext {
  seed: number;
  scale: number;
  rng: Rng;
  /** Rows of earlier tables by name (e.g. city ids for editions), columns as in their TableData. */
  tables: ReadonlyMap<string, TableData>;
  /** Fixed "now" of the data set, so timestamps do not depend on when it is generated. */
  epoch: Date;
}

export type TableGenerator = (ctx: GenContext) => TableData;

/** sfc32: small, fast, good enough for test data, and identical everywhere. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const hash = createHash('sha256').update(`${seed}:${stream}`).digest();
    [this.a, this.b, this.c, this.d] = [0, 4, 8, 12].map((offset) => hash.readUInt32LE(offset));
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A version-4 UUID drawn from this stream (deterministic). */
  uuid(): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i += 4) bytes.writeUInt32LE(Math.floor(this.next() * 4294967296), i);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

const EPOCH = new Date('2025-01-01T00:00:00.000Z');
const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

// ---- one function per table, in dependency order --------------------------------------------

/**
 * outbox_event: a history of already relayed and processed events (enqueued_at and processed_at set,
 * so the relay of a running API leaves them alone). 1000 per unit of scale.
 */
export function outboxEvents({ rng, scale, epoch }: GenContext): TableData {
  const type: OutboxEventType = 'system.ping';
  const count = 1000 * scale;
  const rows: Cell[][] = [];
  let at = addMs(epoch, -count * 60_000);
  for (let i = 0; i < count; i++) {
    at = addMs(at, rng.int(1_000, 119_000));
    const enqueued = addMs(at, rng.int(1, 500));
    const processed = addMs(enqueued, rng.int(5, 200));
    rows.push([rng.uuid(), type, JSON.stringify({ note: `bench ${i}` }), at.toISOString(), enqueued.toISOString(), processed.toISOString()]);
  }
  return { table: 'outbox_event', columns: ['id', 'type', 'payload', 'created_at', 'enqueued_at', 'processed_at'], rows };
}

// As the schema grows (cities, editions, practices, jurors, scores, users), add a function above and
// list it here after the tables it reads from.
export const GENERATORS: TableGenerator[] = [outboxEvents];

// ---- building and inserting ------------------------------------------------------------------

export interface Dataset {
  seed: number;
  scale: number;
  tables: TableData[];
  /** sha256 of the rows (first 12 hex digits): equal fingerprints, equal data. */
  fingerprint: string;
}

export function buildDataset(seed: number, scale = 1, generators: TableGenerator[] = GENERATORS): Dataset {
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!Number.isInteger(scale) || scale < 1) throw new Error('scale must be a positive integer');
  const tables = new Map<string, TableData>();
  for (const generate of generators) {
    const data = generate({ seed, scale, rng: new Rng(seed, generate.name), tables, epoch: EPOCH });
    if (tables.has(data.table)) throw new Error(`table ${data.table} is generated twice`);
    tables.set(data.table, data);
  }
  const hash = createHash('sha256');
  for (const data of tables.values()) hash.update(JSON.stringify(data));
  return { seed, scale, tables: [...tables.values()], fingerprint: hash.digest('hex').slice(0, 12) };
}

const MAX_PARAMS = 65_000; // PostgreSQL allows 65535 bind parameters per statement

/** Multi-row INSERTs, at most ~65k parameters and 1000 rows each. */
export async function insertTable(client: Client, data: TableData): Promise<void> {
  const width = data.columns.length;
  const chunk = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / width)));
  const columns = data.columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < data.rows.length; start += chunk) {
    const rows = data.rows.slice(start, start + chunk);
    const values = rows.map((_, r) => `(${data.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO "${data.table}" (${columns}) VALUES ${values}`, rows.flat());
  }
}

/** Inserts the data set in one transaction; `truncate` empties the generated tables first. */
export async function loadDataset(url: string, dataset: Dataset, options: { truncate?: boolean } = {}): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (options.truncate) {
      await client.query(`TRUNCATE ${dataset.tables.map((t) => `"${t.table}"`).join(', ')} CASCADE`);
    }
    for (const data of dataset.tables) await insertTable(client, data);
    await client.query('COMMIT');
    // Fresh statistics, so the first queries plan as they will later.
    for (const data of dataset.tables) await client.query(`ANALYZE "${data.table}"`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
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
  const dataset = buildDataset(Number(arg('seed') ?? 42), Number(arg('scale') ?? 1));
  loadDataset(url, dataset, { truncate: process.argv.includes('--truncate') })
    .then(() => console.log(`inserted ${describeDataset(dataset)}`))
    .catch((error: unknown) => {
      console.error(`data generation failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
