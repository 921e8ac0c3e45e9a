import type { App, ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { silentSlackLogger } from '../logger.js';
import { signedForm, signedJson } from '../testing/slack-signing.js';
import { FetchReceiver } from './fetch-receiver.js';

const SECRET = 'unit-secret';

/** A receiver wired to a fake app whose processEvent is the test's. */
function receiverWith(process: (event: ReceiverEvent) => Promise<void>, ackTimeoutMs = 2500) {
  const receiver = new FetchReceiver({ signingSecret: SECRET, logger: silentSlackLogger, ackTimeoutMs });
  receiver.init({ processEvent: process } as unknown as App);
  const post = (request: { body: string; headers: Record<string, string> }, extra: Record<string, string> = {}) =>
    receiver.fetch(new Request('http://hub.test/slack/events', { method: 'POST', body: request.body, headers: { ...request.headers, ...extra } }));
  return { receiver, post };
}

describe('FetchReceiver', () => {
  it('answers with what the listener acked, while the listener goes on working after the ack', async () => {
    const log: string[] = [];
    let finish: () => void = () => {};
    const { receiver, post } = receiverWith(async (event) => {
      await event.ack({ response_type: 'ephemeral', text: `got ${String(event.body.text)}` });
      log.push('acked');
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      log.push('slow work done');
    });
    const response = await post(signedForm(SECRET, { command: '/crm', text: 'find acme' }));
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: 'got find acme' });
    expect(log).toEqual(['acked']);
    finish();
    await receiver.idle();
    expect(log).toEqual(['acked', 'slow work done']);
  });

  it('refuses a wrong signature with 401 before any listener sees it', async () => {
    const seen: unknown[] = [];
    const { post } = receiverWith(async (event) => void seen.push(event.body));
    const signed = signedForm('another-secret', { command: '/crm', text: 'deal acme win' });
    expect((await post(signed)).status).toBe(401);
    expect((await post({ body: signed.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('hands Bolt the retry number, reads interaction payloads, and answers url_verification', async () => {
    const events: ReceiverEvent[] = [];
    const { post } = receiverWith(async (event) => {
      events.push(event);
      await event.ack();
    });
    await post(signedJson(SECRET, { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_home_opened' } }), { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await post(signedForm(SECRET, { payload: JSON.stringify({ type: 'block_actions', actions: [] }) }));
    expect(events.map((e) => [e.body.type, e.retryNum])).toEqual([['event_callback', 2], ['block_actions', undefined]]);
    expect(await (await post(signedJson(SECRET, { type: 'url_verification', challenge: 'c-123' }))).json()).toEqual({ challenge: 'c-123' });
  });

  it('still answers Slack in time when a listener never acks', async () => {
    const { post, receiver } = receiverWith(() => new Promise<void>(() => {}), 20);
    const response = await post(signedForm(SECRET, { command: '/crm', text: 'help' }));
    expect(response.status).toBe(200);
    expect(receiver).toBeDefined();
  });
});
