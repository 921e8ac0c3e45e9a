import { request } from 'node:http';
import { ManualClock } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { code?: string; detail?: string };
}

/**
 * Failed authentication is limited per client address, over real connections from two
 * loopback addresses: a flood of bad tokens is answered 429, while valid tokens from the same
 * address, and bad ones from another address, are answered as usual.
 */
describe('failed authentication, limited per client address', () => {
  let t: TestHub;
  let port = 0;
  const clock = new ManualClock('2026-05-04T08:00:00.000Z');
  const me = (token: string, from = '127.0.0.1') =>
    new Promise<Answer>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, path: '/api/v1/me', localAddress: from, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Answer['body'] }));
      });
      sent.on('error', reject);
      sent.end();
    });

  beforeAll(async () => {
    const config = readConfig({ RAPPORT_SCHEDULER: '0', PORT: '0', RAPPORT_AUTH_FAILURE_LIMIT: '5', RAPPORT_AUTH_FAILURE_WINDOW_S: '60' });
    t = await createTestHub({ config, clock });
    port = (await t.hub.listen()).port;
  });
  afterAll(async () => t?.hub.close());

  it('answers 429 with Retry-After once an address sent too many bad tokens, yet lets its valid tokens in', async () => {
    for (let i = 0; i < 5; i += 1) expect((await me(`rpt_wrong${i}`)).status).toBe(401);
    const limited = await me('rpt_wrong6');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toBe('application/problem+json');
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.body).toMatchObject({ code: 'rate_limited', detail: expect.stringContaining('Too many failed sign-ins') });

    expect((await me(t.tokens.ann)).status).toBe(200);
    expect((await me('rpt_wrong', '127.0.0.2')).status).toBe(401);

    clock.set('2026-05-04T08:00:30.000Z');
    expect((await me('rpt_wrong7')).headers['retry-after']).toBe('30');
    clock.set('2026-05-04T08:01:00.000Z');
    expect((await me('rpt_wrong8')).status).toBe(401);
  });
});

describe('the failed sign-in limit settings', () => {
  it('default to 20 failures a minute, and refuse a limit that is not a whole number', () => {
    expect(readConfig({}).authFailures).toEqual({ limit: 20, windowMs: 60_000 });
    expect(() => readConfig({ RAPPORT_AUTH_FAILURE_LIMIT: 'lots' })).toThrow(/RAPPORT_AUTH_FAILURE_LIMIT/);
  });
});
