import { arch, cpus, totalmem } from 'node:os';
import { extensionBench } from './extension.bench.js';
import { generateBench } from './generate.bench.js';
import { httpBench } from './http.bench.js';
import { lookupBench } from './lookup.bench.js';
import { readOptions, USAGE, type BenchOptions } from './options.js';
import { Report } from './report.js';
import { startupBench } from './startup.bench.js';
import { slackBench } from './slack.bench.js';
import { analyticsBench } from './analytics.bench.js';
import { teamsBench } from './teams.bench.js';
import { importBench } from './import.bench.js';

type Bench = (options: BenchOptions, report: Report) => Promise<void>;

const BENCHES: Record<string, Bench> = {
  lookup: lookupBench,
  http: httpBench,
  startup: startupBench,
  generate: generateBench,
  extension: extensionBench,
  slack: slackBench,
  analytics: analyticsBench,
  teams: teamsBench,
  import: importBench,
};

/** What `pnpm bench` runs without a name; `generate` only builds data. */
const DEFAULT = ['lookup', 'http', 'startup', 'slack'];

async function main(): Promise<number> {
  const { names, options } = readOptions(process.argv.slice(2));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. ${USAGE}`);
    return 2;
  }
  const chosen = names.length > 0 ? names : DEFAULT;
  console.log(`Rapport benchmarks: ${chosen.join(', ')} on the ${options.size.name} dataset`);
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? arch()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${new Date().toISOString().slice(0, 10)}`);
  const report = new Report();
  for (const name of chosen) {
    console.log(`\n== ${name}`);
    await (BENCHES[name] as Bench)(options, report);
  }
  report.print();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
