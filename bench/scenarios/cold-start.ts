// Cold start of the embedded default (`npm start` without DATABASE_URL): from spawning
// dist/apps/standalone/src/main.js until /api/health/ready answers 200, first with an empty data
// directory (initdb, migrations, queue tables) and then again on the same directory. Each start is
// stopped with SIGINT and must exit 0 (its orderly shutdown stops PostgreSQL too).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/core/net/free-port';
import { spawnNode, stopChild, waitForHttp, waitForQuiet } from '../lib/processes';
import type { MeasurementScenario } from '../lib/scenario';
import { fmtSec, median } from '../lib/stats';

const READY_TIMEOUT_MS = 60_000;

interface StartTiming {
  readyMs: number;
  stopMs: number;
  exitCode: number | null;
  /** The app's own "started in X s" (from main() to listening), when printed. */
  selfReported?: string;
}

async function startOnce(root: string, dataDir: string): Promise<StartTiming> {
  const port = await freePort();
  await waitForQuiet();
  const began = performance.now();
  const spawned = spawnNode(join(root, 'dist/apps/standalone/src/main.js'), {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health/ready`, spawned, READY_TIMEOUT_MS, 20);
  } catch (error) {
    await stopChild(spawned.child, 'SIGINT', 20_000);
    throw error;
  }
  const readyMs = performance.now() - began;
  const stopBegan = performance.now();
  const exitCode = await stopChild(spawned.child, 'SIGINT', 20_000);
  const stopMs = performance.now() - stopBegan;
  const selfReported = /started in ([\d.]+ s)/.exec(spawned.output())?.[1];
  return { readyMs, stopMs, exitCode, selfReported };
}

export const coldStart: MeasurementScenario = {
  kind: 'measurement',
  name: 'cold-start',
  title: 'Cold start of the embedded default',
  description: 'spawn of apps/standalone/src/main.js until /api/health/ready is 200: empty data dir, then the same dir again',
  usesApi: false,
  async run(ctx) {
    const first: StartTiming[] = [];
    const second: StartTiming[] = [];
    for (let i = 0; i < ctx.options.coldStarts; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'oc-bench-cold-'));
      chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as the OS user postgres
      try {
        first.push(await startOnce(ctx.root, dataDir));
        second.push(await startOnce(ctx.root, dataDir));
        ctx.log(`  start ${i + 1}/${ctx.options.coldStarts}: first ${fmtSec(first[i].readyMs)}, second ${fmtSec(second[i].readyMs)}`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const all = [...first, ...second];
    const valid = all.every((t) => t.exitCode === 0);
    const list = (timings: StartTiming[], pick: (t: StartTiming) => number) => timings.map((t) => fmtSec(pick(t))).join(', ');
    const details = [
      `${ctx.options.coldStarts} fresh data directories, each started twice; ready polled every 20 ms`,
      `first start by run: ${list(first, (t) => t.readyMs)} (app's own "started in": ${first.map((t) => t.selfReported ?? '?').join(', ')})`,
      `second start by run: ${list(second, (t) => t.readyMs)} (app's own "started in": ${second.map((t) => t.selfReported ?? '?').join(', ')})`,
      `exit codes after SIGINT: ${all.map((t) => t.exitCode).join(', ')}`,
    ];
    if (!valid) details.push('INVALID: a start did not exit 0 on SIGINT');
    return {
      name: this.name,
      title: this.title,
      rows: [
        { metric: 'first start → ready (median)', app: fmtSec(median(first.map((t) => t.readyMs))) },
        { metric: 'second start → ready (median)', app: fmtSec(median(second.map((t) => t.readyMs))) },
        { metric: 'SIGINT → exit (median)', app: fmtSec(median(all.map((t) => t.stopMs))) },
      ],
      details,
      targetMet: null,
      valid,
    };
  },
};
