import { ManualClock } from '@rapport/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

/** "Remind me if no reply" over the REST API, as the extension's compose window uses it. */
describe('"no reply" reminders over the API', () => {
  let test: TestHub;
  // Tuesday 3 March 2026, 10:00 in Berlin (Ann's zone).
  const clock = new ManualClock('2026-03-03T09:00:00.000Z');

  beforeEach(async () => {
    clock.set('2026-03-03T09:00:00.000Z');
    test = await createTestHub({ clock });
    await test.request('ann', 'POST', '/api/v1/contacts', { body: { name: '王芳', emails: ['wang.fang@huawei.example'] } });
  });
  afterEach(() => test.hub.close());

  const remind = async (messageId: string, threadId: string) => {
    const answer = await test.request('ann', 'POST', '/api/v1/reminders', { body: { due: 'in 3 days', awaitingReply: { messageId, threadId, email: 'wang.fang@huawei.example' } } });
    expect(answer.status).toBe(201);
    return (await answer.json()) as { id: string; title: string; notes: string | null; status: string };
  };
  const notices = async () => (await (await test.request('ann', 'GET', '/api/v1/notices')).json()).items as Array<{ reminder: { id: string; title: string; notes: string | null } }>;

  it('is delivered when nobody replied, saying since when, with the thread\'s link', async () => {
    const waiting = await remind('<offer-1@rapport.test>', '18c2f0a1b2');
    clock.set('2026-03-06T08:00:00.000Z'); // Friday 9:00 in Berlin: due.
    await test.hub.scheduler.runOnce();
    expect(await notices()).toEqual([
      expect.objectContaining({ reminder: expect.objectContaining({ id: waiting.id, title: 'No reply from 王芳 since Tuesday', notes: 'https://mail.google.com/mail/#all/18c2f0a1b2' }) }),
    ]);
  });

  it('completes itself when the reply is logged through the capture API, and is never delivered', async () => {
    const waiting = await remind('<offer-2@rapport.test>', '18c2f0a1b3');
    clock.set('2026-03-04T15:00:00.000Z');
    const reply = { email: 'wang.fang@huawei.example', messageId: '<re-2@huawei.example>', subject: 'Re: 报价', threadId: '18c2f0a1b3' };
    expect((await test.request('ann', 'POST', '/api/v1/capture/emails', { body: reply })).status).toBe(201);
    expect(await (await test.request('ann', 'GET', `/api/v1/reminders/${waiting.id}`)).json()).toMatchObject({ status: 'done', completedAt: '2026-03-04T15:00:00.000Z' });
    clock.set('2026-03-06T08:00:00.000Z');
    await test.hub.scheduler.runOnce();
    expect(await notices()).toEqual([]);
  });

  it('answers 400 saying what to fix for a "no reply" reminder without who should reply', async () => {
    const answer = await test.request('ann', 'POST', '/api/v1/reminders', { body: { due: 'in 3 days', awaitingReply: { messageId: '<x@y>' } } });
    expect(answer.status).toBe(400);
    expect((await answer.json()).detail).toMatch(/contactId or email/);
  });

  it('is declared in the OpenAPI document, with the logging address routes', async () => {
    const doc = await (await test.request(null, 'GET', '/api/v1/openapi.json')).json();
    expect(JSON.stringify(doc.paths['/api/v1/reminders'].post)).toContain('awaitingReply');
    expect(JSON.stringify(doc.paths['/api/v1/capture/emails'].post)).toContain('inReplyTo');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me/logging-address', '/api/v1/me/logging-address/rotate']));
  });
});
