// The results table: printed, appended to bench/RESULTS.md with the machine it ran on, and (for a
// full run) copied into the "latest results" block of bench/README.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import type { ScenarioReport } from './scenario';

export interface RunInfo {
  startedAt: Date;
  durationSec: number;
  database: string;
  queue: string;
  load: string;
  data: string;
  notes: string[];
  /** Wall time of each scenario, in order ("p1 62 s"); set-up (data, API start) is the rest. */
  scenarioSeconds: string[];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

function gitRevision(root: string): string {
  try {
    const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md', ':!bench/README.md'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export function machineLine(): string {
  return `${cpuModel()}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Linux ${release()}`;
}

const HEADER = ['scenario', 'metric', 'app', 'baseline', 'app/baseline', 'target', 'result'];

export function table(reports: ScenarioReport[]): string {
  const lines = reports.flatMap((report) =>
    (report.rows.length ? report.rows : [{ metric: '(no result)', app: '' }]).map((row) => [
      report.name.toUpperCase(),
      row.metric,
      row.app,
      row.baseline ?? '',
      row.ratio ?? '',
      row.target ?? '',
      row.result ?? (report.valid ? '' : 'INVALID'),
    ]),
  );
  const widths = HEADER.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [format(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

/** Date, machine, software and the table: the part bench/README.md shows. */
export function summary(root: string, info: RunInfo, reports: ScenarioReport[]): string {
  const when = info.startedAt.toISOString().replace('T', ' ').slice(0, 16);
  const out = [
    `## ${when} UTC: ${reports.map((r) => r.name).join(', ')}`,
    '',
    `- machine: ${machineLine()}`,
    `- Node ${process.version}; ${info.database}; ${info.queue}`,
    `- load: ${info.load}`,
    `- data: ${info.data}`,
    `- code: ${gitRevision(root)}; the whole run took ${Math.round(info.durationSec)} s (${[...info.scenarioSeconds, 'set-up and sign-ins the rest'].join(', ')})`,
    '',
    table(reports),
    '',
  ];
  for (const report of reports.filter((r) => r.targetMet === false)) {
    out.push(`**Target missed: ${report.name.toUpperCase()}.** Not tuned away; see the analysis under this entry when there is one, or profile with \`npm run bench -- ${report.name} --cpu-prof\`.`, '');
  }
  for (const report of reports) {
    const noisy = report.details.find((line) => line.startsWith('NOISY'));
    if (noisy) out.push(`**Noisy: ${report.name.toUpperCase()}.** ${noisy.replace(/^NOISY: /, '')}.`, '');
  }
  for (const report of reports.filter((r) => !r.valid)) {
    out.push(`**Invalid: ${report.name.toUpperCase()}.** See its details: a run had non-2xx answers or errors, or the scenario failed.`, '');
  }
  for (const note of info.notes) out.push(note, '');
  return out.join('\n');
}

/** The summary plus every scenario's per-run details: one entry of bench/RESULTS.md. */
export function entry(root: string, info: RunInfo, reports: ScenarioReport[]): string {
  const out = [summary(root, info, reports)];
  for (const report of reports) {
    out.push(`**${report.name.toUpperCase()}** ${report.title}:`);
    for (const line of report.details) out.push(`- ${line}`);
    out.push('');
  }
  return out.join('\n');
}

const RESULTS_HEADER = `# Benchmark results

Appended by \`npm run bench\`, newest last. Ratios are app/baseline: for throughput higher is better,
for latency and memory lower is better. See bench/README.md for how the numbers are made.

`;

export function appendResults(file: string, text: string): void {
  if (!existsSync(file)) writeFileSync(file, RESULTS_HEADER);
  appendFileSync(file, `${text}\n`);
}

export const LATEST_START = '<!-- latest-results:start (written by npm run bench on a full run) -->';
export const LATEST_END = '<!-- latest-results:end -->';

/** Replaces the block between the markers in README.md; leaves the file alone without markers. */
export function updateReadme(file: string, text: string): boolean {
  if (!existsSync(file)) return false;
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(LATEST_START);
  const end = readme.indexOf(LATEST_END);
  if (start < 0 || end < start) return false;
  writeFileSync(file, `${readme.slice(0, start + LATEST_START.length)}\n${text.trim()}\n${readme.slice(end)}`);
  return true;
}
