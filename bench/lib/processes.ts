// Child processes of the harness: spawning with captured output, waiting until an HTTP path answers,
// stopping by pid with a deadline, reading RSS. Every child is tracked so an abort stops them all.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const children = new Set<ChildProcess>();

export interface SpawnedNode {
  child: ChildProcess;
  /** Everything the child wrote so far (stdout and stderr), for error messages. */
  output(): string;
}

export function spawnNode(
  script: string,
  options: { args?: string[]; nodeArgs?: string[]; env: NodeJS.ProcessEnv; cwd: string; stdin?: boolean },
): SpawnedNode {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 64_000) output = output.slice(-32_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Status of one GET, 0 when nothing answers. */
export async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Polls until `url` answers 2xx; fails when the child exits or the deadline passes. */
export async function waitForHttp(url: string, spawned: SpawnedNode, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) {
      throw new Error(`process exited before ${url} answered:\n${spawned.output().trim()}`);
    }
    const status = await statusOf(url);
    if (status >= 200 && status < 300) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms:\n${spawned.output().trim()}`);
    await sleep(intervalMs);
  }
}

/** Sends `signal`, waits up to `timeoutMs` for the exit, then SIGKILL. Resolves with the exit code. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Stops every child still running (on abort or at the end). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, 'SIGTERM', 10_000)));
}

/** VmRSS of a process in bytes, null when it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of `pid` every `intervalMs` until the returned function is called. */
export function sampleRss(pid: number, intervalMs = 250): () => number[] {
  const samples: number[] = [];
  const take = () => {
    const rss = rssOf(pid);
    if (rss !== null) samples.push(rss);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return () => {
    clearInterval(timer);
    take();
    return samples;
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ: the unit of /proc/<pid>/stat and /proc/stat on Linux

/** CPU seconds (user + system) a process has used so far, null when it is gone. */
export function cpuSecondsOf(pid: number, thread?: number): number | null {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine spent busy so far (steal included: the host took it from us). */
export function machineBusySeconds(): number | null {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** All waits for a quiet machine in one invocation together stay under this, to keep a run short. */
let quietBudgetMs = 60_000;

/**
 * Waits (bounded) until the machine is quiet: less than `thresholdCores` busy over a `windowMs`
 * window while nothing of ours is loaded. The machine may be shared (other builds and test runs);
 * starting a run in the middle of someone's compile skews it. Gives up after `maxWaitMs` (5 s), and
 * once 60 s of waiting have been spent in this invocation it only takes one reading.
 */
export async function waitForQuiet(options: { thresholdCores?: number; windowMs?: number; maxWaitMs?: number } = {}): Promise<{ waitedMs: number; cores: number | null; quiet: boolean }> {
  const { thresholdCores = 0.15, windowMs = 500 } = options;
  const maxWaitMs = Math.min(options.maxWaitMs ?? 5_000, quietBudgetMs);
  const began = performance.now();
  for (;;) {
    const before = machineBusySeconds();
    const harnessBefore = process.cpuUsage();
    await sleep(windowMs);
    const after = machineBusySeconds();
    if (before === null || after === null) return { waitedMs: 0, cores: null, quiet: true };
    const harness = process.cpuUsage(harnessBefore);
    const cores = Math.max(0, after - before - (harness.user + harness.system) / 1e6) / (windowMs / 1000);
    const waitedMs = performance.now() - began;
    if (cores < thresholdCores || waitedMs >= maxWaitMs) {
      quietBudgetMs = Math.max(0, quietBudgetMs - waitedMs);
      return { waitedMs, cores, quiet: cores < thresholdCores };
    }
  }
}

/** The Node flags `npm run start:worker` runs the worker with (package.json), so the bench runs it as production does. */
export function productionWorkerNodeArgs(root: string): string[] {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.['start:worker'] ?? '';
  return script.split(/\s+/).filter((token) => /^--[\w-]+(=\S+)?$/.test(token));
}

/** The malloc tuning the Dockerfile's runtime image sets (its `ENV GLIBC_TUNABLES=` line), if any. */
export function productionRuntimeEnv(root: string): NodeJS.ProcessEnv {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const tunables = /^ENV GLIBC_TUNABLES=(\S+)$/m.exec(dockerfile)?.[1];
  return tunables ? { GLIBC_TUNABLES: tunables } : {};
}
