// The built entry points (dist/) as child processes, started as a user or an operator runs them:
// the api, the worker, the embedded default (`npm start`) and the CLI.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, freePort } from '@app/core';
import { dataDirKey, RELOCATED_ROOT } from '@app/core/database/embedded-cluster-location';

const root = join(__dirname, '..');
export const dist = (path: string) => join(root, 'dist', path);

export interface BuiltProcess {
  child: ChildProcess;
  /** What the process wrote to stdout and stderr so far, interleaved. */
  output: () => string;
  /** Sends the signal and resolves with the exit code once it exited (at once if it already had). */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** What an api or worker process needs to join a test's database, queue namespace, secret and SMTP server. */
export function sharedServicesEnv(config: AppConfig, smtpUrl: string): Record<string, string> {
  return {
    DATABASE_URL: config.DATABASE_URL,
    ...(config.REDIS_URL ? { REDIS_URL: config.REDIS_URL } : {}),
    QUEUE_BACKEND: config.queueBackend,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    SMTP_URL: smtpUrl,
    JWT_SECRET: config.JWT_SECRET,
  };
}

/** Starts `node dist/<entry>` with only PATH and the given environment. */
export function startBuilt(entry: string, env: Record<string, string>): BuiltProcess {
  const child = spawn(process.execPath, [dist(entry)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  };
  return { child, output: () => output, stop };
}

/** Waits until the API on `port` answers ready (and `alsoWhen` holds); fails early if the process exits. */
export async function untilReady(started: BuiltProcess, port: number, timeoutMs: number, alsoWhen: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`the process exited early:\n${started.output()}`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200 && alsoWhen()) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs / 1000} s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface EmbeddedApp extends BuiltProcess {
  port: number;
  databaseUrl: string;
}

/** Where the cluster of a DATA_DIR under a 0700 directory lives (relocated when running as root). */
export const clusterDirOf = (dataDir: string) => (process.getuid?.() === 0 ? join(RELOCATED_ROOT, dataDirKey(dataDir)) : join(dataDir, 'postgres'));

/** `npm start` on `dataDir`, ready once it answers and has printed its banner; `stop()` interrupts it (Ctrl-C). */
export async function startEmbeddedApp(dataDir: string, env: Record<string, string> = {}): Promise<EmbeddedApp> {
  const port = await freePort();
  const app = startBuilt('apps/standalone/src/main.js', { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env });
  // The banner (and the demo accounts) are printed right after the API starts listening.
  await untilReady(app, port, 60_000, () => app.output().includes('Press Ctrl-C to stop.'));
  const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as { databaseUrl: string };
  return { ...app, port, databaseUrl, stop: (signal = 'SIGINT') => app.stop(signal) };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- <args>` without the build step, awaited (the caller keeps working meanwhile). */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [dist('apps/api/src/cli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}
