// What P5 measures around each run besides the time: the CPU of every process taking part (from
// /proc), what this database's PostgreSQL sessions wait for, and Redis's command count.
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { cpuSecondsOf, machineBusySeconds, sleep } from '../../lib/processes';
import type { Sample } from '../../lib/scenario';

/** CPU of the parts of a run: harness, worker processes, this database's PostgreSQL backends, redis-server. */
export interface CpuSnapshot {
  wall: number;
  machine: number | null;
  harness: NodeJS.CpuUsage;
  procs: Map<number, number>;
  /** CPU of each worker process's main thread (its JavaScript event loop; other threads: GC, libuv, composing). */
  mainThreads: Map<number, number>;
  pg: Set<number>;
}
export interface CpuUse {
  harness: number;
  workers: number;
  /** Of `workers`, the main threads'. */
  workerMainThreads: number;
  postgres: number;
  redis: number;
  /** Cores the rest of the machine used meanwhile (other sessions, the hypervisor). */
  otherCores: number | undefined;
}

/** What one run leaves for the report beyond the Sample. */
export interface RunFacts {
  side: 'app' | 'baseline' | 'composedBaseline' | 'noop';
  n: number;
  timeMs: number;
  sample: Sample;
  cpu: CpuUse;
  redisCommandsPerJob: number | null;
}

/** Samples one backend's processes: the worker process(es), this database's PostgreSQL backends, redis-server. */
export class RunMeter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workerPids: () => number[],
    private readonly redis: Redis | null,
    private readonly redisPid: number | null,
  ) {}

  async pgBackendPids(): Promise<number[]> {
    const rows: { pid: number }[] = await this.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows.map((r) => r.pid);
  }

  /**
   * Samples what this database's PostgreSQL sessions are doing every 200 ms during a run (a poor
   * man's wait-event profile): active sessions, and of those the ones waiting (Lock, LWLock, IO ...).
   */
  sampleWaits(): () => Promise<string> {
    let samples = 0;
    let active = 0;
    const waits = new Map<string, number>();
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        const rows: { wait: string | null; n: number }[] = await this.dataSource.query(
          `SELECT CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1`,
        );
        samples += 1;
        for (const row of rows) {
          active += row.n;
          if (row.wait) waits.set(row.wait, (waits.get(row.wait) ?? 0) + row.n);
        }
        await sleep(200);
      }
    })();
    return async () => {
      stopped = true;
      await loop;
      if (!samples) return 'no samples';
      const top = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${name} ${(n / samples).toFixed(2)}`);
      return `PostgreSQL sessions active ${(active / samples).toFixed(2)} on average (${samples} samples)${top.length ? `, waiting: ${top.join(', ')}` : ''}`;
    };
  }

  async cpuSnapshot(): Promise<CpuSnapshot> {
    const pg = new Set(await this.pgBackendPids());
    const procs = new Map<number, number>();
    for (const pid of [...pg, ...this.workerPids(), ...(this.redisPid ? [this.redisPid] : [])]) {
      const cpu = cpuSecondsOf(pid);
      if (cpu !== null) procs.set(pid, cpu);
    }
    const mainThreads = new Map<number, number>();
    for (const pid of this.workerPids()) {
      const cpu = cpuSecondsOf(pid, pid);
      if (cpu !== null) mainThreads.set(pid, cpu);
    }
    return { wall: performance.now(), machine: machineBusySeconds(), harness: process.cpuUsage(), procs, mainThreads, pg };
  }

  async cpuSince(before: CpuSnapshot): Promise<CpuUse> {
    const after = await this.cpuSnapshot();
    const delta = (pid: number) => {
      const now = after.procs.get(pid);
      return now === undefined ? 0 : now - (before.procs.get(pid) ?? 0);
    };
    const postgres = [...after.pg].reduce((sum, pid) => sum + delta(pid), 0);
    const workers = this.workerPids().reduce((sum, pid) => sum + delta(pid), 0);
    const workerMainThreads = this.workerPids().reduce((sum, pid) => sum + (after.mainThreads.get(pid) ?? 0) - (before.mainThreads.get(pid) ?? 0), 0);
    const redis = this.redisPid ? delta(this.redisPid) : 0;
    const harnessUsage = process.cpuUsage(before.harness);
    const harness = (harnessUsage.user + harnessUsage.system) / 1e6;
    const wallSec = (after.wall - before.wall) / 1000;
    const otherCores =
      after.machine === null || before.machine === null ? undefined : Math.max(0, after.machine - before.machine - harness - workers - postgres - redis) / wallSec;
    return { harness, workers, workerMainThreads, postgres, redis, otherCores };
  }

  async redisCommands(): Promise<number | null> {
    if (!this.redis) return null;
    return Number(/total_commands_processed:(\d+)/.exec(await this.redis.info('stats'))?.[1] ?? Number.NaN);
  }
}
