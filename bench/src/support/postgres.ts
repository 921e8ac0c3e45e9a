import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/** A PostgreSQL server the benchmark may create databases on. */
export interface PostgresServer {
  /** A URL of a role allowed to CREATE DATABASE. */
  adminUrl: string;
  /** Where it came from, for the report. */
  origin: string;
  stop(): Promise<void>;
}

function serverBinaries(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(join(onPath, '..', 'initdb'))) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  }
  return null;
}

/**
 * RAPPORT_BENCH_DATABASE_URL when set; otherwise a throw-away cluster in a temp folder, run
 * as the "postgres" user when we are root (PostgreSQL refuses root); null without either.
 * Durability is off in the throw-away cluster, as in the test suite's.
 */
export async function findPostgres(): Promise<PostgresServer | null> {
  const given = process.env.RAPPORT_BENCH_DATABASE_URL?.trim();
  if (given) return { adminUrl: given, origin: 'RAPPORT_BENCH_DATABASE_URL', stop: async () => {} };
  const bin = serverBinaries();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const tool = (name: string, args: string[]): void => {
    const command = join(bin, name);
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB`;
  tool('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    origin: `throw-away cluster (${bin}, fsync off)`,
    async stop() {
      try {
        tool('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
