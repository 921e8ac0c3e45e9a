import { aReminder, aUser } from '@rapport/core/testing';
import type { ReminderNotice } from '@rapport/core';
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackNotifier } from './slack-notifier.js';

const notice = (): ReminderNotice => {
  const assignee = aUser({ identities: { slackUserId: 'U_ANN', entraObjectId: null } });
  return { reminder: aReminder({ title: 'Call back' }), assignee, fireAt: '2026-03-02T09:00:00.000Z', deliveryKey: 'rem_1:2026-03-02T09:00:00.000Z', contact: null, account: null, openDeals: [], lastActivity: null };
};

function notifierWith(post: () => Promise<unknown>) {
  const claims = new Set<string>();
  const posted: unknown[] = [];
  const client = { chat: { postMessage: async (args: unknown) => (posted.push(args), post()) } } as unknown as webApi.WebClient;
  const notifier = new SlackNotifier({ client, claim: async (k) => (claims.has(k) ? false : (claims.add(k), true)), release: async (k) => void claims.delete(k) });
  return { notifier, posted };
}

describe('SlackNotifier', () => {
  it('reaches people who linked Slack, and DMs a delivery once', async () => {
    const { notifier, posted } = notifierWith(async () => ({ ok: true }));
    expect(notifier.reaches(aUser())).toBe(false);
    expect(notifier.reaches(notice().assignee)).toBe(true);
    await notifier.deliver(notice());
    await notifier.deliver(notice());
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'U_ANN', text: 'Reminder: Call back' });
  });

  it("turns Slack's rate limit into a retry after Retry-After, and sends the DM on that retry", async () => {
    let calls = 0;
    const { notifier, posted } = notifierWith(async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('rate limited'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 });
      return { ok: true };
    });
    await expect(notifier.deliver(notice())).rejects.toMatchObject({ code: 'rate_limited', details: { retryAfterMs: 30_000 } });
    await notifier.deliver(notice());
    expect(posted).toHaveLength(2);
  });
});
