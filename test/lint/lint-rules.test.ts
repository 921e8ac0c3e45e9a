import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The workspace's lint rules that keep the layers apart and the files short, run through
 * ESLint with the project's own eslint.config.js on small samples placed (by file path, not on
 * disk) in each package: what they forbid is an error, what they allow passes.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const adapters = readdirSync(new URL('../../adapters/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    folder: `adapters/${entry.name}`,
    name: (JSON.parse(readFileSync(new URL(`../../adapters/${entry.name}/package.json`, import.meta.url), 'utf8')) as { name: string }).name,
  }));

// ESLint with typescript-eslint takes a few seconds to load and lint on a busy machine.
const slow = { timeout: 60_000 };

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? []).filter((message) => message.ruleId === rule && message.severity === 2).map((message) => message.message);
}

const importing = (specifier: string): string => `import { value } from '${specifier}';\n\nexport const used = value;\n`;
const importErrors = (filePath: string, specifier: string): Promise<string[]> => problems(filePath, importing(specifier), 'no-restricted-imports');

describe('the dependency rule', slow, () => {
  it('keeps core free of every adapter and surface, in its sources and its tests', async () => {
    for (const specifier of ['@rapport/sql', '@rapport/indexeddb', '@rapport/http', '@rapport/server', '@rapport/slack-app/testing', '@rapport/teams-app', '@rapport/extension']) {
      expect(await importErrors('core/src/deals/deal.service.ts', specifier), specifier).toHaveLength(1);
      expect(await importErrors('core/src/deals/deal.service.test.ts', specifier), specifier).toHaveLength(1);
    }
    expect(await importErrors('core/src/deals/deal.service.ts', 'node:fs')).toHaveLength(1);
    expect(await importErrors('core/src/deals/deal.service.ts', 'kysely')).toHaveLength(1);
    expect(await importErrors('core/src/deals/deal.service.ts', '../shared/ids.js')).toEqual([]);
  });

  it('lets no adapter import another adapter, a surface or the end-to-end tests', async () => {
    expect(adapters.length).toBeGreaterThanOrEqual(3);
    for (const adapter of adapters) {
      const file = `${adapter.folder}/src/some-repository.ts`;
      for (const other of adapters.filter((candidate) => candidate !== adapter)) {
        expect(await importErrors(file, other.name), `${adapter.name} → ${other.name}`).toHaveLength(1);
        expect(await importErrors(file, `${other.name}/testing`), `${adapter.name} → ${other.name}/testing`).toHaveLength(1);
        expect(await importErrors(`${adapter.folder}/src/some-repository.test.ts`, other.name), `${adapter.name} test → ${other.name}`).toHaveLength(1);
      }
      for (const specifier of ['@rapport/server', '@rapport/slack-app', '@rapport/e2e']) {
        expect(await importErrors(file, specifier), `${adapter.name} → ${specifier}`).toHaveLength(1);
      }
      for (const allowed of ['@rapport/core', '@rapport/core/testing', `${adapter.name}/testing`, './local.js']) {
        expect(await importErrors(file, allowed), `${adapter.name} → ${allowed}`).toEqual([]);
      }
    }
  });

  it('keeps the SQL store out of the extension and the Teams tab, type imports included', async () => {
    const browserFiles = ['extension/src/background/sync.ts', 'extension/src/platform/browser.ts', 'extension/src/content/features/card.test.ts', 'teams-app/src/tab/board/board-view.tsx', 'teams-app/src/tab/host/teams-host.ts'];
    for (const file of browserFiles) {
      expect(await importErrors(file, '@rapport/sql'), file).toHaveLength(1);
      expect(await importErrors(file, '@rapport/sql/testing'), file).toHaveLength(1);
      expect(await problems(file, "import type { SqlStore } from '@rapport/sql';\n\nexport type Used = SqlStore;\n", 'no-restricted-imports'), file).toHaveLength(1);
      expect(await importErrors(file, '@rapport/core'), file).toEqual([]);
    }
    expect(await importErrors('extension/src/background/sync.ts', '@rapport/indexeddb')).toEqual([]);
    expect(await importErrors('teams-app/src/tab/board/board-view.tsx', '@rapport/http')).toEqual([]);
    expect(await importErrors('slack-app/src/listeners/commands/crm.ts', '@rapport/sql')).toEqual([]);
    expect(await importErrors('server/src/database.ts', '@rapport/sql')).toEqual([]);
  });

  it('keeps surfaces out of each other and the hub out of the extension', async () => {
    expect(await importErrors('slack-app/src/listeners/commands/crm.ts', '@rapport/server')).toHaveLength(1);
    expect(await importErrors('extension/src/background/sync.ts', '@rapport/teams-app')).toHaveLength(1);
    expect(await importErrors('teams-app/src/tab/board/board-view.tsx', '@rapport/slack-app')).toHaveLength(1);
    expect(await importErrors('server/src/hub.ts', '@rapport/extension')).toHaveLength(1);
    expect(await importErrors('server/src/hub.ts', '@rapport/slack-app')).toEqual([]);
  });
});

describe('imports made at run time', slow, () => {
  const loading = (specifier: string): string => `export const loaded = await import('${specifier}');\n`;
  const loadErrors = async (filePath: string, specifier: string): Promise<string[]> =>
    (await problems(filePath, loading(specifier), 'no-restricted-syntax')).filter((message) => message !== 'Use named exports.');

  it('fall under the same dependency rule', async () => {
    expect(await loadErrors('core/src/deals/deal.service.ts', '@rapport/sql')).toHaveLength(1);
    expect(await loadErrors('adapters/http/src/client.ts', '@rapport/indexeddb')).toHaveLength(1);
    expect(await loadErrors('extension/src/background/sync.ts', '@rapport/sql')).toHaveLength(1);
    expect(await loadErrors('teams-app/src/tab/main.tsx', '@rapport/sql/testing')).toHaveLength(1);
    expect(await loadErrors('adapters/sql/src/open-store.ts', '@rapport/core')).toEqual([]);
    expect(await loadErrors('teams-app/src/tab/main.tsx', './host/teams-host.js')).toEqual([]);
    expect(await loadErrors('server/src/database.ts', '@rapport/sql')).toEqual([]);
  });
});

describe('the length of a source file', slow, () => {
  const lines = (count: number): string => Array.from({ length: count }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';

  it('is an error past 400 lines, in every package', async () => {
    for (const file of ['core/src/deals/deal.service.ts', 'adapters/sql/src/sql-store.ts', 'server/src/hub.ts', 'teams-app/src/tab/board/board-view.tsx', 'extension/src/background/sync.ts', 'bench/src/run.ts', 'test/support/databases.ts']) {
      expect(await problems(file, lines(401), 'max-lines'), file).toHaveLength(1);
      expect(await problems(file, lines(400), 'max-lines'), file).toEqual([]);
    }
  });

  it('counts comments and blank lines too, as the editor shows them', async () => {
    const padded = `${'// a note\n\n'.repeat(200)}export const one = 1;\n`;
    expect(await problems('server/src/hub.ts', padded, 'max-lines')).toHaveLength(1);
  });

  it('leaves tests and fixtures as long as they need to be', async () => {
    for (const file of ['server/src/hub.test.ts', 'teams-app/src/tab/board/board-view.test.tsx', 'core/src/commands/fixtures/world.ts', 'slack-app/src/listeners/listener-world.fixture.ts']) {
      expect(await problems(file, lines(600), 'max-lines'), file).toEqual([]);
    }
  });
});

describe('fixtures, the test support left out of the build', slow, () => {
  const fixtureImport = "import { listenerWorld } from '../listener-world.fixture.js';\n\nexport const world = listenerWorld;\n";

  it('are imported by tests and other fixtures only', async () => {
    expect(await problems('slack-app/src/listeners/commands/crm.ts', fixtureImport, '@typescript-eslint/no-restricted-imports')).toHaveLength(1);
    expect(await problems('core/src/commands/run-command.ts', fixtureImport, '@typescript-eslint/no-restricted-imports')).toHaveLength(1);
    expect(await problems('slack-app/src/listeners/commands/crm.test.ts', fixtureImport, '@typescript-eslint/no-restricted-imports')).toEqual([]);
    expect(await problems('slack-app/src/listeners/other-world.fixture.ts', fixtureImport, '@typescript-eslint/no-restricted-imports')).toEqual([]);
  });
});
