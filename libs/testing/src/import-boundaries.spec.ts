// The composition rule: apps/* are entry points that compose libraries; no app imports another app
// and no library imports an app (apps/standalone runs the API and the worker together through
// @app/api and @app/worker, as the tests do through createTestApp).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const ALIASES: Record<string, string> = {
  '@app/core': 'libs/core',
  '@app/domain': 'libs/domain',
  '@app/testing': 'libs/testing',
  '@app/api': 'libs/api',
  '@app/worker': 'libs/worker',
};
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** 'apps/api', 'libs/core', ... for a path inside the repository, or null outside apps/ and libs/. */
function unitOf(repoPath: string): string | null {
  const [top, name] = repoPath.split(sep);
  return (top === 'apps' || top === 'libs') && name ? `${top}/${name}` : null;
}

/** The unit an import specifier points into, or null for packages and files outside apps/libs. */
export function importedUnit(fromFile: string, specifier: string): string | null {
  for (const [alias, target] of Object.entries(ALIASES)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) return target;
  }
  if (!specifier.startsWith('.')) return null;
  return unitOf(relative(ROOT, resolve(dirname(fromFile), specifier)));
}

export function importViolations(): string[] {
  const violations: string[] = [];
  for (const top of ['apps', 'libs']) {
    for (const file of sourceFiles(join(ROOT, top))) {
      const from = unitOf(relative(ROOT, file));
      if (!from || from === 'apps/web') continue;
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const to = importedUnit(file, match[1] ?? match[2] ?? match[3]);
        if (!to || to === from || !to.startsWith('apps/')) continue;
        violations.push(`${relative(ROOT, file)} imports ${to}`);
      }
    }
  }
  return violations;
}

describe('import boundaries', () => {
  it('no app imports another app and no library imports an app', () => {
    expect(importViolations()).toEqual([]);
  });

  it('recognises an import of an app by relative path and ignores packages and aliases of libraries', () => {
    const file = join(ROOT, 'libs/testing/src/create-test-app.ts');
    expect(importedUnit(file, '../../../apps/api/src/create-api')).toBe('apps/api');
    expect(importedUnit(join(ROOT, 'apps/api/src/main.ts'), '../../worker/src/create-worker')).toBe('apps/worker');
    expect(importedUnit(file, '@app/api')).toBe('libs/api');
    expect(importedUnit(file, 'typeorm')).toBeNull();
  });
});
