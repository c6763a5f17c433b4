// Runs one bounded autocannon run in its own process against a server and samples the server's RSS
// meanwhile. The child is killed if it outlives its duration by more than 30 s.
import { join } from 'node:path';
import { Client } from 'pg';
import type { LoadJob, LoadResult } from '../load/autocannon-process';
import { cpuSecondsOf, machineBusySeconds, sampleRss, spawnNode } from './processes';
import type { RequestSpec, RunningServer, Sample } from './scenario';

const LOAD_SCRIPT = join(__dirname, '..', 'load', 'autocannon-process.js');

/** pids of the PostgreSQL backends connected to the bench database (the API's and the baselines' pools). */
async function backendPids(databaseUrl: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** CPU seconds so far of each pid that is still there. */
const cpuByPid = (pids: number[]) => new Map(pids.flatMap((pid) => {
  const cpu = cpuSecondsOf(pid);
  return cpu === null ? [] : [[pid, cpu] as const];
}));

/**
 * CPU the bench database's backends spent between two readings: backends there at both ends count
 * their difference, backends that appeared meanwhile count whole (pools open connections during a
 * run); backends that closed meanwhile are lost (pools close idle ones), so this can only undercount.
 */
function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0);
  return Math.max(0, sum);
}

export async function runHttpLoad(
  server: RunningServer,
  request: RequestSpec,
  options: { connections: number; durationSec: number; cwd: string; databaseUrl?: string },
): Promise<Sample & { raw: LoadResult }> {
  // The bench database's backends work for the server under load: their CPU is not "other" load.
  const backendsBefore = options.databaseUrl ? cpuByPid(await backendPids(options.databaseUrl)) : null;
  const began = { wall: performance.now(), machine: machineBusySeconds(), server: cpuSecondsOf(server.pid), harness: process.cpuUsage() };
  const job: LoadJob = { url: server.url, request, connections: options.connections, durationSec: options.durationSec };
  const spawned = spawnNode(LOAD_SCRIPT, { args: [JSON.stringify(job)], env: { PATH: process.env.PATH ?? '' }, cwd: options.cwd });
  const stopSampling = sampleRss(server.pid);
  const killer = setTimeout(() => spawned.child.kill('SIGKILL'), (options.durationSec + 30) * 1000);
  const code = await new Promise<number | null>((resolve) => spawned.child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(killer);
  const rssBytes = stopSampling();
  const line = spawned.output().trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (code !== 0 || !line) throw new Error(`load process failed (exit ${code}):\n${spawned.output().trim()}`);
  const raw = JSON.parse(line) as LoadResult;
  // What the machine was busy with besides this server, this load process and the harness: other
  // processes (or the host: steal time). Reported per run, so a noisy run can be recognised.
  const machine = machineBusySeconds();
  const serverCpu = cpuSecondsOf(server.pid);
  const harness = process.cpuUsage(began.harness);
  const backendCpu = backendsBefore && options.databaseUrl ? backendCpuBetween(backendsBefore, cpuByPid(await backendPids(options.databaseUrl))) : 0;
  const wallSec = (performance.now() - began.wall) / 1000;
  const otherCores =
    machine === null || began.machine === null || serverCpu === null || began.server === null
      ? undefined
      : Math.max(0, machine - began.machine - (serverCpu - began.server) - backendCpu - raw.cpuSeconds - (harness.user + harness.system) / 1e6) / wallSec;
  return {
    throughput: raw.rps,
    p50Ms: raw.p50Ms,
    p99Ms: raw.p99Ms,
    non2xx: raw.non2xx,
    errors: raw.errors, // connection errors and timeouts (autocannon counts both)
    rssBytes,
    otherCores,
    dbCores: backendsBefore ? backendCpu / wallSec : undefined,
    serverCores: serverCpu === null || began.server === null ? undefined : (serverCpu - began.server) / wallSec,
    detail: `${raw.totalRequests} requests in ${raw.durationSec} s, status ${JSON.stringify(raw.statusCodes)}${backendsBefore ? `, PostgreSQL backends ${(backendCpu / wallSec).toFixed(2)} cores` : ''}`,
    raw,
  };
}
