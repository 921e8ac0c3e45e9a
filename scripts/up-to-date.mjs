// Whether a build output is newer than everything it is built from: what `--if-changed`
// in the build scripts of `pnpm start` checks before building again.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time under `path` (a file or a folder), 0 when it does not exist. */
export function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

/** True when `output` exists and is newer than every one of `sources` (files or folders). */
export function upToDate(output, sources) {
  const built = newest(output);
  return built > 0 && sources.every((source) => newest(source) < built);
}
