import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('RAPPORT_WORKERS', () => {
  it('serves with one process per core unless told otherwise', () => {
    expect(readConfig({}).workers).toBe(availableParallelism());
    expect(readConfig({ RAPPORT_WORKERS: '1' }).workers).toBe(1);
    expect(readConfig({ RAPPORT_WORKERS: ' 3 ' }).workers).toBe(3);
  });

  it('refuses a count that is not a number of processes, saying what to use', () => {
    for (const value of ['0', '-2', '1.5', 'many']) {
      expect(() => readConfig({ RAPPORT_WORKERS: value })).toThrow(/RAPPORT_WORKERS: .* use 1 to 256/);
    }
  });
});

describe('the Slack settings', () => {
  it('turn Socket Mode on with an app-level token', () => {
    const env = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1' };
    expect(readConfig(env).slack?.appToken).toBeNull();
    expect(readConfig({ ...env, SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });

  it('leave the port to the caller\'s default when PORT is unset', () => {
    expect(readConfig({}, { port: 4401 }).port).toBe(4401);
    expect(readConfig({ PORT: '5000' }, { port: 4401 }).port).toBe(5000);
  });
});
