// Content fingerprints of build inputs: a build whose inputs are unchanged since its stamp is skipped.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files below `dir` (no node_modules/dist), minus those `exclude` matches. */
export function filesBelow(dir, exclude = /\.spec\.tsx?$/) {
  const files = [];
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.')) files.push(...filesBelow(path, exclude));
    } else if (!exclude.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

export function fingerprint(repo, files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isFresh(stampFile, current, output) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === current && existsSync(output);
}

export function writeStamp(stampFile, current) {
  writeFileSync(stampFile, `${current}\n`);
}
