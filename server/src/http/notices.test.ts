import { describe, expect, it } from 'vitest';
import { createTestHub } from '../testing/test-hub.js';

describe('GET /api/v1/notices (the extension channel)', () => {
  it('lists a reminder once the scheduler delivered it to the extension, until it is done', async () => {
    const { hub, request } = await createTestHub();
    const past = new Date(Date.now() - 60_000).toISOString();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const due = await (await request('ann', 'POST', '/api/v1/reminders', { body: { title: 'Call Zoë back', dueAt: past } })).json();
    await request('ann', 'POST', '/api/v1/reminders', { body: { title: 'Not yet', dueAt: later } });
    const list = async (user: 'ann' | 'raj') => (await (await request(user, 'GET', '/api/v1/notices')).json()).items as Array<{ key: string; reminder: { id: string; title: string } }>;

    expect(await list('ann')).toEqual([]);
    await hub.scheduler.runOnce();
    const [notice, ...rest] = await list('ann');
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ key: `${due.id}:${due.dueAt}`, reminder: { title: 'Call Zoë back' } });
    expect(await list('raj')).toEqual([]);

    const log = await (await request('ann', 'GET', `/api/v1/reminders/${due.id}`)).json();
    expect(log.deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'extension', status: 'delivered' })]));

    await request('ann', 'POST', `/api/v1/reminders/${due.id}/complete`, { body: {} });
    expect(await list('ann')).toEqual([]);
    await hub.close();
  });
});
