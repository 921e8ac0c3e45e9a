import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

/**
 * An oversized body is refused, and the client's kept-alive connection either goes on serving
 * or is closed cleanly: the next request on the same agent is answered, never reset.
 */
describe('a body over the limit, on a kept-alive connection', () => {
  let t: TestHub;
  let port = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, body?: Buffer | string, chunked = false) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${t.tokens.ann}`, 'content-type': 'application/json' };
      if (body !== undefined && !chunked) headers['content-length'] = Buffer.byteLength(body);
      const sent = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      sent.on('error', reject);
      if (body !== undefined && chunked) {
        // Sent in pieces, with no length announced: the hub learns the size only while reading.
        const bytes = Buffer.from(body);
        for (let at = 0; at < bytes.length; at += 64 * 1024) sent.write(bytes.subarray(at, at + 64 * 1024));
        sent.end();
      } else {
        sent.end(body);
      }
    });

  beforeAll(async () => {
    t = await createTestHub({ config: readConfig({ RAPPORT_SCHEDULER: '0', PORT: '0' }) });
    port = (await t.hub.listen()).port;
  });
  afterAll(async () => {
    agent.destroy();
    await t?.hub.close();
  });

  it.each([
    ['announced by Content-Length', false],
    ['sent chunked', true],
  ])('refuses 2 MB %s with 413 saying the limit, then answers the next request on the same agent', async (_how, chunked) => {
    const big = Buffer.from(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
    const refused = await send('POST', '/api/v1/accounts', big, chunked);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'invalid_input', detail: expect.stringContaining('1024 KB') });
    const next = await send('GET', '/api/v1/me');
    expect(next.status).toBe(200);
    const created = await send('POST', '/api/v1/accounts', JSON.stringify({ name: 'Small Ltd' }));
    expect(created.status).toBe(201);
  });

  it('closes the connection cleanly after refusing a body too big to read to its end, and the agent goes on', async () => {
    const huge = Buffer.alloc(24 * 1024 * 1024, 0x20);
    const refused = await send('POST', '/api/v1/accounts', huge);
    expect(refused.status).toBe(413);
    expect((await send('GET', '/api/v1/me')).status).toBe(200);
  });
});
