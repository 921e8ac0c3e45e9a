import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Core's layering, lowest first. Every source file gets a level from its path and role, and an
 * import may only run to its own level or a lower one:
 *
 *   0 shared        shared/                      errors, text, money, paging
 *   1 schema        *.schema.ts                  zod shapes of the domain
 *   2 port          *.port.ts                    one repository or query port per domain role
 *   3 store         store/                       Store and UnitOfWork composed from the ports
 *   4 context       services/context.ts, services/versioned.ts   what every service stands on
 *   5 rule          any other domain file        rules and helpers the services share
 *   6 service       *.service.ts, services/, store/memory/   services (and the in-memory Store)
 *   7 composition   services/create-services.ts, analytics' services and public face
 *   8 commands      commands/                    the command language, a client of the services
 *   9 public face   index.ts, testing/, *-fixture.ts
 */
const LEVEL_NAMES = ['shared', 'schema', 'port', 'store', 'context', 'rule', 'service', 'composition', 'commands', 'public face'];

function levelOf(file: string): number {
  if (file === 'index.ts' || file.startsWith('testing/') || file.endsWith('-fixture.ts')) return 9;
  if (file.startsWith('commands/')) return 8;
  if (['services/create-services.ts', 'analytics/analytics-services.ts', 'analytics/index.ts'].includes(file)) return 7;
  if (file.endsWith('.service.ts') || file.startsWith('store/memory/')) return 6;
  if (file.startsWith('shared/')) return 0;
  if (file.endsWith('.schema.ts')) return 1;
  if (file.endsWith('.port.ts') && file !== 'store/store.port.ts') return 2;
  if (file.startsWith('store/')) return 3;
  if (file === 'services/context.ts' || file === 'services/versioned.ts') return 4;
  if (file.startsWith('services/')) return 6;
  return 5;
}

const PUBLIC_FACE = 9;

const describeFile = (file: string): string => `${file} (${LEVEL_NAMES[levelOf(file)] ?? '?'})`;

const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** The core files a file imports (relative imports and re-exports), as paths under src/. */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return specifiers.map((s) => posix.join(posix.dirname(file), s).replace(/\.js$/, '.ts'));
}

const folderOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? file) : '.');

interface Import {
  from: string;
  to: string;
}

/** Imports that run from a lower level up to a higher one. */
function upwardImports(imports: readonly Import[]): string[] {
  return imports
    .filter(({ from, to }) => levelOf(to) > levelOf(from))
    .map(({ from, to }) => `${describeFile(from)} imports ${describeFile(to)}`);
}

/**
 * Cycles between top-level folders made of imports within one level. (Across levels a folder
 * may point back: deals' service uses a campaign rule while analytics' services use deals'.)
 */
function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    const level = levelOf(from);
    // The public faces gather from every folder; only they (and test support) import them.
    if (a === b || level !== levelOf(to) || level === PUBLIC_FACE) continue;
    const key = `${LEVEL_NAMES[level]}: ${a}`;
    edges.set(key, (edges.get(key) ?? new Set()).add(`${LEVEL_NAMES[level]}: ${b}`));
  }
  const cycles: string[] = [];
  const visit = (node: string, path: string[]): void => {
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) cycles.push([...path.slice(at), next].join(' → '));
      else visit(next, [...path, next]);
    }
  };
  for (const start of edges.keys()) visit(start, [start]);
  return [...new Set(cycles)];
}

describe("core's layering", () => {
  const files = sourceFiles();
  const imports = files.flatMap((from) => importsOf(from, readFileSync(join(SRC, from), 'utf8')).map((to) => ({ from, to })));

  it('reads every source file and its imports', () => {
    expect(files).toContain('store/store.port.ts');
    expect(imports).toContainEqual({ from: 'deals/deal.port.ts', to: 'deals/deal.schema.ts' });
  });

  it('has no import from a lower level to a higher one', () => {
    expect(upwardImports(imports)).toEqual([]);
  });

  it('has no import cycle between folders within one level', () => {
    expect(folderCycles(imports)).toEqual([]);
  });

  it('catches an upward import and a cycle when there is one', () => {
    expect(upwardImports([{ from: 'deals/deal.port.ts', to: 'services/context.ts' }])).toHaveLength(1);
    const cycle = [
      { from: 'deals/deal.service.ts', to: 'analytics/campaigns/campaign.service.ts' },
      { from: 'analytics/funnel/funnel.service.ts', to: 'deals/deal.service.ts' },
    ];
    expect(folderCycles(cycle)).not.toEqual([]);
  });
});
