// `npm run build`: the API (tsc, then tsc-alias) and the web app (scripts/build-web.mjs, Vite,
// skipped when unchanged) side by side: tsc uses one core, so on a fresh clone the web build
// costs nothing extra on a two-core machine. Fails when either fails.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow, fingerprint, isFresh, writeStamp } from './build-stamp.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(repo, 'node_modules/.bin', name);

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? code})`))));
  });
}

// The API is rebuilt only when its inputs changed since the last build (a second start skips tsc).
const apiStamp = join(repo, 'dist/.api-build-stamp');
const apiInputs = fingerprint(repo, [
  ...['apps/api', 'apps/worker', 'apps/standalone', 'libs', 'migrations', 'bench'].flatMap((dir) => filesBelow(join(repo, dir), /\.(spec|e2e-spec)\.ts$|\.md$/)),
  ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((file) => join(repo, file)),
]);
const api = process.argv.includes('--force') || !isFresh(apiStamp, apiInputs, join(repo, 'dist/apps/standalone/src/main.js'))
  ? run(bin('tsc'), ['-p', 'tsconfig.build.json'])
      .then(() => run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']))
      .then(() => writeStamp(apiStamp, apiInputs))
  : Promise.resolve();
const web = run(process.execPath, [join(repo, 'scripts/build-web.mjs')]);
const results = await Promise.allSettled([api, web]);
const failed = results.filter((result) => result.status === 'rejected');
if (failed.length > 0) {
  for (const { reason } of failed) process.stderr.write(`${reason instanceof Error ? reason.message : String(reason)}\n`);
  process.exit(1);
}
