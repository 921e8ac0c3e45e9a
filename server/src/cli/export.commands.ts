import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CrmError } from '@rapport/core';
import { exportStream, type ExportFormat } from '../exports/export-stream.js';
import { optional, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'Export every record of every kind: CSV files (one per kind) in a zip, or JSON lines.',
  usage: 'rapport export [--format csv|jsonl] [--out <file>]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  details: [
    '--format  csv (default): a zip of teams, users, pipelines, accounts, contacts, deals, deal stage history, activities and reminders;',
    '          jsonl: one {"kind", "record"} per line, every field as Rapport keeps it',
    '--out     the file to write (default <data folder>/exports/rapport-export-<time>.zip or .jsonl)',
    'A JSON lines export restores into an empty hub with `rapport import <file>.jsonl`, nothing lost; the CSV files of accounts,',
    'contacts, deals and activities import into any hub with `rapport import`. Access tokens are not exported.',
  ],
  async run(args, io) {
    const format = optional(args, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') throw new CrmError('invalid_input', `--format is csv or jsonl, not "${format}".\nUsage: ${exportCommand.usage}`);
    return withDatabase(io, async ({ config, store }) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const out = resolve(optional(args, 'out') ?? join(config.dataDir, 'exports', `rapport-export-${stamp}.${format === 'csv' ? 'zip' : 'jsonl'}`));
      mkdirSync(dirname(out), { recursive: true });
      await pipeline(exportStream(store, format as ExportFormat), createWriteStream(out));
      io.out(`Exported to ${out}`);
      return 0;
    });
  },
};
