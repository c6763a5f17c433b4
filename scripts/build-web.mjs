// Builds the web app (apps/web) into dist/web with Vite, unless its inputs are unchanged since the
// last build: a SHA-256 over the app's sources, its configs and package-lock.json is kept in
// dist/web/.build-stamp. Part of `npm run build`, hence of `npm start` and `npm test`.
// `--force` rebuilds regardless.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(repo, 'apps/web');
const outDir = join(repo, 'dist/web');
const stampFile = join(outDir, '.build-stamp');

/** Files that shape the bundle: not the specs, which only the tests read. */
function inputs(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') files.push(...inputs(path));
    } else if (!/\.spec\.tsx?$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

function fingerprint() {
  const hash = createHash('sha256');
  const files = [...inputs(webDir), join(repo, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const startedAt = performance.now();
const force = process.argv.includes('--force');
const current = fingerprint();
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (!force && previous === current && existsSync(join(outDir, 'index.html'))) {
  process.exit(0);
}

const { build } = await import('vite');
await build({ configFile: join(webDir, 'vite.config.mts'), logLevel: 'warn', mode: 'production' });
writeFileSync(stampFile, `${current}\n`);
process.stdout.write(`Built the web app into dist/web in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
