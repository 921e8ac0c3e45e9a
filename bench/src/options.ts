import { parseArgs } from 'node:util';
import { datasetSize, parseCount, type DatasetSize } from './generate/sizes.js';

export interface BenchOptions {
  size: DatasetSize;
  /** Seconds each measured run lasts (after its warm-up). */
  seconds: number;
  connections: number;
  /** Regenerate cached datasets. */
  fresh: boolean;
  /** Skip PostgreSQL even when it is available. */
  sqliteOnly: boolean;
}

export const USAGE = `Usage: pnpm bench [lookup|http|startup|slack|extension|teams|analytics|import|generate ...] [--size 10k|100k] [--activities 1m] [--seconds N] [--connections N] [--fresh] [--sqlite-only]`;

export function readOptions(argv: string[]): { names: string[]; options: BenchOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '100k' },
      activities: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      fresh: { type: 'boolean', default: false },
      'sqlite-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    names: positionals,
    options: {
      size: datasetSize(values.size, values.activities ? parseCount(values.activities) : undefined),
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      fresh: values.fresh,
      sqliteOnly: values['sqlite-only'],
    },
  };
}
