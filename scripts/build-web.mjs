// Builds the web app (apps/web) into dist/web with Vite, unless its inputs are unchanged since the
// last build: a SHA-256 over the app's sources, its configs, these scripts and package-lock.json is
// kept in dist/web/.build-stamp. Text files get brotli and gzip copies (precompress.mjs). Part of
// `npm run build`, hence of `npm start` and `npm test`.
// `--force` rebuilds regardless.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow, fingerprint, isFresh, writeStamp } from './build-stamp.mjs';
import { precompress } from './precompress.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(repo, 'apps/web');
const outDir = join(repo, 'dist/web');
const stampFile = join(outDir, '.build-stamp');

function current() {
  // Files that shape the bundle: not the specs, which only the tests read.
  const scripts = ['build-web.mjs', 'precompress.mjs'].map((name) => join(repo, 'scripts', name));
  return fingerprint(repo, [...filesBelow(webDir), ...scripts, join(repo, 'package-lock.json')]);
}

const startedAt = performance.now();
const force = process.argv.includes('--force');
const stamp = current();
if (!force && isFresh(stampFile, stamp, join(outDir, 'index.html'))) {
  process.exit(0);
}

const { build } = await import('vite');
await build({ configFile: join(webDir, 'vite.config.mts'), logLevel: 'warn', mode: 'production' });
const sizes = precompress(outDir);
writeStamp(stampFile, stamp);
const kib = (bytes) => `${Math.round(bytes / 1024)} KiB`;
process.stdout.write(
  `Built the web app into dist/web in ${((performance.now() - startedAt) / 1000).toFixed(1)} s ` +
    `(${sizes.files} text files: ${kib(sizes.raw)}, brotli ${kib(sizes.br)}, gzip ${kib(sizes.gz)})\n`,
);
