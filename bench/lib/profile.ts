// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by package and by function: enough
// to see where the API spends a request when a target is missed.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@scope/name` → `@scope/name`; node internals, GC and idle get their own names. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  if (match) return match[1];
  if (url.includes('/dist/')) return `app: ${url.slice(url.indexOf('/dist/') + 6).split('/').slice(0, 2).join('/')}`;
  return url;
}

export function summarizeProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const pkgOf = (id: number) => {
    const { callFrame } = byId.get(id)!;
    return packageOf(callFrame.url, callFrame.functionName);
  };
  // Start-up (module loading, Nest's wiring) would drown the requests when the load was short or the
  // machine busy: samples count from the first router lookup, i.e. the first request served.
  const servesRequest = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { callFrame } = byId.get(at)!;
      if (callFrame.functionName === 'lookup' && callFrame.url.includes('find-my-way')) return true;
    }
    return false;
  };
  const firstRequest = profile.samples.findIndex(servesRequest);
  const from = firstRequest < 0 ? 0 : firstRequest;
  const skippedUs = profile.timeDeltas.slice(0, from).reduce((a, b) => a + b, 0);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (i >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const underPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    const pkg = pkgOf(id);
    if (pkg === '(idle)') {
      idle += us;
      continue;
    }
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${pkg}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    // Inclusive: the sample counts once for every package on its stack (what it called included).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) seen.add(pkgOf(at));
    for (const name of seen) underPackage.set(name, (underPackage.get(name) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (map: Map<string, number>, skip: (name: string) => boolean = () => false) =>
    [...map]
      .filter(([name]) => !skip(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled from the first request served (${(skippedUs / 1e6).toFixed(1)} s of start-up left out), ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)`,
    'self time by package:',
    ...rank(byPackage),
    'inclusive time by package (self plus what it called):',
    ...rank(underPackage, (name) => name.startsWith('(')),
    'self time by function:',
    ...rank(byFunction),
  ].join('\n');
}

// `node dist/bench/lib/profile.js <file.cpuprofile> [top]`: the same summary for a saved profile.
if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: node dist/bench/lib/profile.js <file.cpuprofile> [top]');
  process.stdout.write(`${summarizeProfile(file, top ? Number(top) : 15)}\n`);
}
