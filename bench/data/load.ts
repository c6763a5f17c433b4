// Inserting a generated data set: COPY in one transaction, then VACUUM ANALYZE and a checkpoint.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CATALOGUE_INDEX_SQL } from '@app/domain/catalogue/catalogue-index';
import { Cell, col, TableData } from './model';
import type { Dataset } from './generate';

/** COPY text format: backslash escapes, \N for NULL, PostgreSQL array literals for arrays. */
function copyText(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : `{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : text;
}

function* copyChunks(data: TableData, rowsPerChunk = 5_000): Generator<string> {
  for (let start = 0; start < data.rows.length; start += rowsPerChunk) {
    let chunk = '';
    for (const row of data.rows.slice(start, start + rowsPerChunk)) chunk += `${row.map(copyText).join('\t')}\n`;
    yield chunk;
  }
}

/** COPY of one table's rows. */
export async function copyTable(client: Client, data: TableData): Promise<void> {
  if (data.rows.length === 0) return;
  const columns = data.columns.map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY "${data.table}" (${columns}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(data)), stream);
}

export interface LoadTiming {
  copyMs: number;
  /** VACUUM ANALYZE and CHECKPOINT after the load, so the first runs meet a settled database. */
  settleMs: number;
}

/**
 * Loads the data set in one transaction with COPY; `truncate` empties the generated tables first.
 * The rows are consistent by construction, so as a superuser the foreign-key triggers are skipped
 * during the load (session_replication_role = replica); the constraints stay in force afterwards.
 * Then VACUUM ANALYZE (statistics and visibility map, as in a database that has lived a while),
 * the catalogue index of the published edition as publication writes it, and a CHECKPOINT.
 */
export async function loadDataset(url: string, dataset: Dataset, options: { truncate?: boolean } = {}): Promise<LoadTiming> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const began = performance.now();
  let copied: number;
  try {
    const [{ superuser }] = (await client.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`)).rows;
    await client.query('BEGIN');
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    if (options.truncate) {
      await client.query(`TRUNCATE ${dataset.tables.map((t) => `"${t.table}"`).join(', ')} CASCADE`);
    }
    for (const data of dataset.tables) await copyTable(client, data);
    const edition = dataset.tables.find((t) => t.table === 'edition')!;
    for (const row of edition.rows.filter((r) => r[col(edition, 'stage')] === 'published')) {
      await client.query(CATALOGUE_INDEX_SQL, [row[col(edition, 'id')]]);
    }
    await client.query('COMMIT');
    copied = performance.now();
    await client.query(`VACUUM (ANALYZE) ${dataset.tables.map((t) => `"${t.table}"`).join(', ')}`);
    if (superuser) await client.query('CHECKPOINT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { copyMs: copied - began, settleMs: performance.now() - copied };
}

