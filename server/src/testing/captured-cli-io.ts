import type { CliIo } from '../cli/args.js';

/** A CLI's output and error lines kept for a test to read, over a SQLite data folder. */
export function captureCliIo(dataDir: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(l), env: { RAPPORT_DATA_DIR: dataDir } };
}
