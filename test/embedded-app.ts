// Runs the built embedded default (`node dist/apps/standalone/src/main.js`, what `npm start` runs) and
// the built CLI as child processes, for tests that need them as a user would.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/core';
import { dataDirKey, RELOCATED_ROOT } from '@app/core/database/embedded-cluster-location';

const root = join(__dirname, '..');
export const dist = (path: string) => join(root, 'dist', path);

export interface EmbeddedApp {
  child: ChildProcess;
  port: number;
  databaseUrl: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Where the cluster of a DATA_DIR under a 0700 directory lives (relocated when running as root). */
export const clusterDirOf = (dataDir: string) => (process.getuid?.() === 0 ? join(RELOCATED_ROOT, dataDirKey(dataDir)) : join(dataDir, 'postgres'));

export async function startEmbeddedApp(dataDir: string, env: Record<string, string> = {}): Promise<EmbeddedApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [dist('apps/standalone/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`embedded default exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200 && output.includes('Press Ctrl-C to stop.')) break;
    if (Date.now() > deadline) throw new Error(`not ready after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as { databaseUrl: string };
  const stop = () => {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    return exited;
  };
  return { child, port, databaseUrl, output: () => output, stop };
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
