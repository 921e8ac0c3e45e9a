import { seedDemo } from '../demo/seed-demo.js';
import { formatDemoTokens, saveDemoTokens } from '../demo-tokens.js';
import type { CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const seed: CommandSpec = {
  name: 'seed',
  summary: 'Fill an empty database with the demo company.',
  usage: 'rapport seed --demo',
  options: { demo: { type: 'boolean' } },
  details: ['Refuses a database that already has users, so real data is never mixed with demo data.', 'The demo users\' tokens are printed and kept in <data folder>/demo-tokens.json.'],
  async run(args, io) {
    if (!args.values.demo) {
      io.err(`Say what to seed.\nUsage: ${seed.usage}`);
      return 2;
    }
    return withDatabase(io, async ({ config, store }) => {
      const users = await store.read((uow) => uow.users.count());
      if (users > 0) {
        io.err(`This database already has ${users} users; the demo company goes into an empty one only. Use another RAPPORT_DATA_DIR or DATABASE_URL.`);
        return 2;
      }
      io.err('Seeding the demo company…');
      const result = await seedDemo({ store, now: new Date() });
      const file = saveDemoTokens(config.dataDir, result.users);
      io.out(`Seeded: ${Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
      io.out('Demo tokens:');
      for (const line of formatDemoTokens(result.users)) io.out(line);
      io.out(`(kept in ${file})`);
      return 0;
    });
  },
};

export const migrate: CommandSpec = {
  name: 'migrate',
  summary: 'Bring the database up to this version of Rapport (the hub also does this at start).',
  usage: 'rapport migrate',
  options: {},
  details: ['A database written by a newer Rapport is refused, never downgraded.'],
  async run(_args, io) {
    return withDatabase(io, async ({ store }) => {
      io.out(`The ${store.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'} database is up to date.`);
      return 0;
    });
  },
};
