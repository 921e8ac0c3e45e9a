import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth, padToWidth } from '@rapport/core';

export interface DemoToken {
  name: string;
  email: string;
  role: string;
  team: string | null;
  token: string;
}

export const DEMO_TOKENS_FILE = 'demo-tokens.json';

/** Keeps the demo users' tokens in the data folder (readable by its owner only), so they can be printed again later. */
export function saveDemoTokens(dataDir: string, tokens: DemoToken[]): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEMO_TOKENS_FILE);
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function readDemoTokens(dataDir: string): DemoToken[] | null {
  const file = join(dataDir, DEMO_TOKENS_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoToken[];
  } catch {
    return null;
  }
}

export function formatDemoTokens(tokens: DemoToken[]): string[] {
  const label = (t: DemoToken) => `${t.name} (${t.role}${t.team ? `, ${t.team}` : ''})`;
  const width = Math.max(...tokens.map((t) => displayWidth(label(t))));
  return tokens.map((t) => `  ${padToWidth(label(t), width)}  ${t.token}`);
}
