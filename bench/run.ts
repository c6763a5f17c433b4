// `npm run bench [-- <scenario>... | --list] [--pairs N] [--duration S] [--warmup S] [--connections N]
//  [--cold-starts N] [--scale X] [--cpu-prof] [--no-save]`
// Starts what the scenarios need (a fresh migrated and seeded `oc_bench` database, the production
// API as a child process, baseline servers), runs the scenarios, prints the table and appends it to
// bench/RESULTS.md. The load generator always runs in a process of its own.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@app/core/net/free-port';
import { buildDataset, DatasetFacts, datasetFacts, describeDataset, loadDataset } from './data/generate';
import { runComparison } from './lib/compare';
import { BenchDatabase, openBenchDatabase } from './lib/database';
import { productionRuntimeEnv, rssOf, spawnNode, stopAllChildren, stopChild, waitForHttp } from './lib/processes';
import { summarizeProfile } from './lib/profile';
import { appendResults, entry, machineLine, RunInfo, summary, updateReadme } from './lib/report';
import type { BaselineServerSpec, BenchContext, BenchOptions, RunningServer, ScenarioReport } from './lib/scenario';
import { SCENARIOS } from './scenarios';

const root = join(__dirname, '..', '..');
const benchDir = join(root, 'bench');
const workDir = join(benchDir, '.work');
const DATA_SEED = 42;
const log = (line: string) => process.stdout.write(`${line}\n`);

function usage(): never {
  log('usage: npm run bench [-- <scenario>...] [--pairs N] [--duration S] [--warmup S] [--connections N] [--cold-starts N] [--scale X] [--cpu-prof] [--no-save] [--list]');
  log(`scenarios: ${SCENARIOS.map((s) => s.name).join(', ')} (default: all)`);
  process.exit(2);
}

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions } {
  const options: BenchOptions = { pairs: 5, durationSec: 5, warmupSec: 3, connections: 10, coldStarts: 3, cpuProf: false, save: true, scale: 1 };
  const names: string[] = [];
  const numeric = (flag: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      log(`${flag} needs an integer from ${min} to ${max}`);
      usage();
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pairs') options.pairs = numeric(arg, argv[++i], 3, 20);
    else if (arg === '--duration') options.durationSec = numeric(arg, argv[++i], 1, 60);
    else if (arg === '--warmup') options.warmupSec = numeric(arg, argv[++i], 1, 30);
    else if (arg === '--connections') options.connections = numeric(arg, argv[++i], 1, 200);
    else if (arg === '--cold-starts') options.coldStarts = numeric(arg, argv[++i], 1, 10);
    else if (arg === '--scale') {
      const scale = Number(argv[++i]);
      if (!(scale >= 0.01 && scale <= 4)) {
        log('--scale needs a number from 0.01 to 4 (1 = national scale)');
        usage();
      }
      options.scale = scale;
    } else if (arg === '--cpu-prof') options.cpuProf = true;
    else if (arg === '--no-save') options.save = false;
    else if (arg === '--list') {
      for (const s of SCENARIOS) log(`${s.name.padEnd(12)} ${s.title}: ${s.description}`);
      process.exit(0);
    } else if (arg.startsWith('-')) usage();
    else if (SCENARIOS.some((s) => s.name === arg.toLowerCase())) names.push(arg.toLowerCase());
    else {
      log(`unknown scenario "${arg}"`);
      usage();
    }
  }
  return { names, options };
}

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function startServer(label: string, script: string, env: NodeJS.ProcessEnv, readyPath: string, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const spawned = spawnNode(script, { env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) }, nodeArgs, cwd: root });
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded machine the API has taken over 30 s to answer ready.
  await waitForHttp(`${url}${readyPath}`, spawned, 90_000);
  return { label, url, child: spawned.child, pid: spawned.child.pid! };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const { names, options } = parseArgs(process.argv.slice(2));
  const selected = names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const fullRun = selected.length === SCENARIOS.length && options.scale === 1;
  mkdirSync(workDir, { recursive: true });
  log(`bench: ${selected.map((s) => s.name).join(', ')} on ${machineLine()}, Node ${process.version}`);

  let database: BenchDatabase | null = null;
  stopDatabase = () => database?.stop() ?? Promise.resolve();
  let api: RunningServer | null = null;
  let apiRssAtStart = Number.NaN;
  let redisUrl: string | null = null;
  let dataLine = 'none loaded (no selected scenario uses the API)';
  let facts: DatasetFacts | null = null;
  const profileDir = join(workDir, 'profiles', startedAt.toISOString().replace(/[:.]/g, '-'));
  const baselines: RunningServer[] = [];
  const reports: ScenarioReport[] = [];
  const scenarioSeconds: string[] = [];
  try {
    if (selected.some((s) => s.usesApi !== false)) {
      database = await openBenchDatabase(log);
      // Generated once per invocation (~11 s at scale 1), so every run starts from exactly the seeded rows.
      const dataset = await buildDataset(DATA_SEED, options.scale);
      const timing = await loadDataset(database.url, dataset);
      facts = datasetFacts(dataset);
      const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      dataLine =
        `${describeDataset(dataset)}; generated in ${sec(dataset.buildMs + timing.copyMs + timing.settleMs)} ` +
        `(rows built ${sec(dataset.buildMs)}, COPY ${sec(timing.copyMs)}, VACUUM ANALYZE + CHECKPOINT ${sec(timing.settleMs)})`;
      log(`  data: ${dataLine}`);
      const candidate = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
      if (process.env.BENCH_QUEUE !== 'postgres' && (await redisAnswers(candidate))) redisUrl = candidate;
      const nodeArgs = options.cpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--require', join(__dirname, 'lib', 'profile-preload.js')]
        : [];
      // Extra Node/V8 flags for experiments on the API process (heap sizes, preloads), e.g. BENCH_API_NODE_ARGS='--max-semi-space-size=4'.
      nodeArgs.push(...(process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean));
      api = await startServer(
        'API',
        join(root, 'dist/apps/api/src/main.js'),
        {
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          // The API runs with the environment the Dockerfile gives it in production (malloc tuning).
          ...productionRuntimeEnv(root),
          JWT_SECRET: randomBytes(48).toString('base64url'),
          LOG_LEVEL: 'warn',
          // Tokens signed in before the first scenario must outlive the whole run (at most 15 min).
          JWT_ACCESS_TTL_SECONDS: '3600',
          // The scenarios sign in ~55 accounts per invocation from 127.0.0.1; the limiter's counters
          // live in Redis across back-to-back invocations. Rate limiting is not what is measured here.
          AUTH_RATE_LIMIT_PER_IP: '1000',
          DATA_DIR: join(workDir, 'api-data'),
          ...(redisUrl ? { REDIS_URL: redisUrl, QUEUE_PREFIX: 'ocbench' } : {}),
        },
        '/api/health/ready',
        nodeArgs,
      );
      apiRssAtStart = rssOf(api.pid) ?? Number.NaN;
      log(`  API pid ${api.pid} at ${api.url}${options.cpuProf ? ` (profiling into ${profileDir})` : ''}`);
    }
    const ctx: BenchContext = {
      root,
      workDir,
      options,
      get api(): RunningServer {
        if (!api) throw new Error('this scenario declared usesApi: false but asked for the API');
        return api;
      },
      apiRssAtStart,
      databaseUrl: database?.url ?? '',
      get data(): DatasetFacts {
        if (!facts) throw new Error('this scenario declared usesApi: false but asked for the data set');
        return facts;
      },
      redisUrl,
      log,
      async startBaseline(spec: BaselineServerSpec) {
        const server = await startServer(
          `bare ${spec.module}`,
          join(__dirname, 'baselines', 'server.js'),
          { BASELINE_MODULE: spec.module, NODE_ENV: 'production', ...spec.env?.(ctx) },
          spec.readyPath,
        );
        baselines.push(server);
        return server;
      },
    };
    for (const [index, scenario] of selected.entries()) {
      log(`\n${scenario.name}: ${scenario.title}`);
      if (api && selected.slice(index).every((s) => s.usesApi === false)) {
        // Nothing left needs the API: stop it so it does not share the machine with what follows.
        await stopChild(api.child, options.cpuProf ? 'SIGUSR2' : 'SIGTERM');
      }
      const scenarioStartedAt = Date.now();
      try {
        reports.push(scenario.kind === 'comparison' ? await runComparison(ctx, scenario) : await scenario.run(ctx));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`  failed: ${message}`);
        reports.push({ name: scenario.name, title: scenario.title, rows: [], details: [`INVALID: the scenario failed: ${message}`], targetMet: null, valid: false });
      } finally {
        while (baselines.length) await stopChild(baselines.pop()!.child);
        scenarioSeconds.push(`${scenario.name} ${Math.round((Date.now() - scenarioStartedAt) / 1000)} s`);
      }
    }
  } finally {
    if (api) await stopChild(api.child, options.cpuProf ? 'SIGUSR2' : 'SIGTERM');
    await stopAllChildren();
    await database?.stop();
  }

  const durationSec = (Date.now() - startedAt.getTime()) / 1000;
  const info: RunInfo = {
    startedAt,
    durationSec,
    database: database?.description ?? 'no database (no selected scenario uses one)',
    queue: api ? (redisUrl ? `API queues: BullMQ on Redis ${new URL(redisUrl).host}` : 'API queues: BullMQ on PostgreSQL') : 'no API process',
    load: `autocannon in its own process, ${options.connections} connections, pipelining 1; ${options.warmupSec} s warm-up per side, then ${options.pairs} alternating A/B pairs of ${options.durationSec} s runs`,
    data: dataLine,
    notes: [],
    scenarioSeconds,
  };
  const text = entry(root, info, reports);
  log(`\n${text}`);
  if (options.cpuProf) {
    const profiles = existsSync(profileDir) ? readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    const profileSummary = profiles.map((f) => summarizeProfile(join(profileDir, f))).join('\n\n');
    if (profiles.length) writeFileSync(join(profileDir, 'summary.txt'), `${profileSummary}\n`);
    log(`${profileSummary}\n\nProfiled run: numbers are skewed by the profiler and were not saved to RESULTS.md.`);
  } else if (options.save) {
    appendResults(join(benchDir, 'RESULTS.md'), text);
    const latest = `${summary(root, info, reports).replace(/^## /, '### ')}\nPer-run values and notes: [RESULTS.md](RESULTS.md).`;
    log(`appended to bench/RESULTS.md${fullRun && updateReadme(join(benchDir, 'README.md'), latest) ? ' and bench/README.md' : ''}`);
  }
  log(`done in ${Math.round(durationSec)} s`);
  return reports.every((r) => r.valid) ? 0 : 1;
}

/** Stops an embedded bench PostgreSQL on abort (it runs in its own process group). */
let stopDatabase: () => Promise<void> = () => Promise.resolve();
let aborting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (aborting) return;
    aborting = true;
    log(`\n${signal}: stopping the child processes...`);
    void stopAllChildren()
      .then(() => stopDatabase())
      .finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await stopAllChildren();
    process.exit(1);
  },
);
