import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';

const BENCH = 'import';
const RAPPORT = fileURLToPath(new URL('../../server/dist/bin/rapport.js', import.meta.url));
/** The bar: 100k contacts with their accounts, on SQLite, on a two-core machine (checked at that size only). */
const IMPORT_TARGET_S = 60;
/** Memory stays flat: peak memory at the full size over peak memory at a tenth of it. */
const MEMORY_RATIO_TARGET = 1.5;
/** Time grows with the rows, not faster: ten times the rows within twelve times the time. */
const TIME_RATIO_TARGET = 12;

/** A HubSpot companies + contacts export of `contacts` contacts at a fifth as many companies, names in several scripts. */
async function writeExport(folder: string, contacts: number): Promise<string[]> {
  const companies = Math.max(1, Math.floor(contacts / 5));
  const names = ['Müller', '佐藤', 'Иванов', 'García', 'الحسن', 'Kowalski', '김'];
  const write = async (file: string, header: string, rows: number, row: (i: number) => string): Promise<string> => {
    const path = join(folder, file);
    const out = createWriteStream(path);
    out.write(`${header}\n`);
    for (let i = 0; i < rows; i++) if (!out.write(`${row(i)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    out.end();
    await finished(out);
    return path;
  };
  return [
    await write('companies.csv', 'Record ID,Company name,Company Domain Name,Industry,Number of Employees,Company owner', companies, (i) => `${i + 1},${names[i % names.length]} Holdings ${i},company${i}.example,Retail,"${(i % 5000) + 1}",admin@bench.example`),
    await write('contacts.csv', 'Record ID,First Name,Last Name,Email,Phone Number,Job Title,Contact owner,Associated Company IDs', contacts, (i) => `${1_000_000 + i},Person${i},${names[i % names.length]},person${i}@company${i % companies}.example,+1 415 555 ${String(i % 10000).padStart(4, '0')},Buyer,admin@bench.example,${(i % companies) + 1}`),
  ];
}

const peakMb = (pid: number): number => {
  const status = `/proc/${pid}/status`;
  const kb = existsSync(status) ? /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1] : undefined;
  return kb ? Number(kb) / 1024 : Number.NaN;
};

/** Imports `contacts` contacts (with their companies) into an empty SQLite hub: wall time and peak memory of the process. */
async function importOnce(contacts: number): Promise<{ seconds: number; peak: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
  try {
    const env = { ...process.env, RAPPORT_DATA_DIR: join(folder, 'data'), DATABASE_URL: '', RAPPORT_LOG_LEVEL: 'warn' };
    await promisify(execFile)(process.execPath, [RAPPORT, 'user', 'add', '--email', 'admin@bench.example', '--name', 'Bench Admin', '--role', 'admin'], { env });
    const files = await writeExport(folder, contacts);
    const began = performance.now();
    const child = spawn(process.execPath, [RAPPORT, 'import', ...files, '--yes'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, peakMb(child.pid ?? 0) || 0)), 100);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearInterval(timer);
    if (code !== 0) throw new Error(`rapport import exited with ${code}`);
    return { seconds: (performance.now() - began) / 1000, peak };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `rapport import` of a HubSpot export: preview and import of 100k contacts with their companies, and how it scales from a tenth. */
export async function importBench(options: BenchOptions, report: Report): Promise<void> {
  const full = options.size.contacts;
  const small = await importOnce(Math.floor(full / 10));
  const large = await importOnce(full);
  report.figure({ bench: BENCH, name: `rapport import: ${full} contacts + ${full / 5} companies, preview and import (SQLite)`, value: large.seconds, unit: 's', ...(full >= 100_000 ? { target: { op: '<=', value: IMPORT_TARGET_S } } : {}) });
  report.figure({ bench: BENCH, name: 'rapport import: peak memory', value: large.peak, unit: 'MB' });
  report.ratio({ bench: BENCH, name: `peak memory, ${full} ÷ ${full / 10} contacts`, value: large.peak / small.peak, target: { op: '<=', value: MEMORY_RATIO_TARGET } });
  report.ratio({ bench: BENCH, name: `import time, ${full} ÷ ${full / 10} contacts`, value: large.seconds / small.seconds, target: { op: '<=', value: TIME_RATIO_TARGET } });
}
