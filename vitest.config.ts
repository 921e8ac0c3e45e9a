import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Workspace packages resolve to their TypeScript sources in tests, so no build is needed to run them. */
const sources: Record<string, string> = {
  '@rapport/core/testing': here('./core/src/testing/index.ts'),
  '@rapport/core': here('./core/src/index.ts'),
  '@rapport/sql/testing': here('./adapters/sql/src/testing/index.ts'),
  '@rapport/sql': here('./adapters/sql/src/index.ts'),
  '@rapport/http': here('./adapters/http/src/index.ts'),
  '@rapport/server/testing': here('./server/src/testing/index.ts'),
  '@rapport/server': here('./server/src/index.ts'),
  '@rapport/slack-app/testing': here('./slack-app/src/testing/index.ts'),
  '@rapport/slack-app': here('./slack-app/src/index.ts'),
  '@rapport/indexeddb': here('./adapters/indexeddb/src/index.ts'),
  '@rapport/teams-app': here('./teams-app/src/index.ts'),
  '@rapport/hubspot/testing': here('./adapters/hubspot/src/testing/index.ts'),
  '@rapport/hubspot': here('./adapters/hubspot/src/index.ts'),
};

export default defineConfig({
  resolve: {
    alias: Object.entries(sources).map(([name, path]) => ({
      find: new RegExp(`^${name.replace(/[/]/g, '\\/')}$`),
      replacement: path,
    })),
  },
  test: {
    include: ['{core,adapters/*,server,test,bench,extension,slack-app}/src/**/*.test.ts', 'test/**/*.test.ts', 'teams-app/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: [here('./test/support/global-setup.ts')],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
