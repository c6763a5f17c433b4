// Builds the web app (apps/web) into dist/web with Vite, unless its inputs are unchanged since the
// last build: a SHA-256 over the app's sources, its configs and package-lock.json is kept in
// dist/web/.build-stamp. Part of `npm run build`, hence of `npm start` and `npm test`.
// `--force` rebuilds regardless.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow, fingerprint, isFresh, writeStamp } from './build-stamp.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(repo, 'apps/web');
const outDir = join(repo, 'dist/web');
const stampFile = join(outDir, '.build-stamp');

function current() {
  // Files that shape the bundle: not the specs, which only the tests read.
  return fingerprint(repo, [...filesBelow(webDir), join(repo, 'package-lock.json')]);
}

const startedAt = performance.now();
const force = process.argv.includes('--force');
const stamp = current();
if (!force && isFresh(stampFile, stamp, join(outDir, 'index.html'))) {
  process.exit(0);
}

const { build } = await import('vite');
await build({ configFile: join(webDir, 'vite.config.mts'), logLevel: 'warn', mode: 'production' });
writeStamp(stampFile, stamp);
process.stdout.write(`Built the web app into dist/web in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
