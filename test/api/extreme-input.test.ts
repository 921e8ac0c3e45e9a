import type { TestHub } from '@rapport/server/testing';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { useEngineHub } from '../support/engine-hub.js';

/** Values at the edges of what the schemas allow, over real HTTP on each engine: a clear 4xx or an answer, never a 5xx. */
describe.each(ENGINES)('extreme input on $engine', ({ engine, available }) => {
  const hub = useEngineHub(engine, available);

  const send = async (method: string, path: string, body?: unknown, user: keyof TestHub['tokens'] = 'admin') => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${hub.t.tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  const account = async () => (await send('POST', '/api/v1/accounts', { name: `Edge ${Math.random()}` })).json as { id: string };

  it.skipIf(!available)('answers or refuses analytics at the far end of the calendar, naming the allowed range', async () => {
    const paths = [
      '/api/v1/forecast?date=9999-12-31',
      '/api/v1/stage-times?to=9999-12-31',
      '/api/v1/funnel?to=9999-12-31',
      '/api/v1/win-loss?to=9999-12-31',
      '/api/v1/reports/activity?period=week&date=9999-12-27',
      '/api/v1/pipeline?date=9999-01-01&closePeriod=year',
      '/api/v1/forecast?date=0001-01-01',
      '/api/v1/funnel?from=0000-01-01&to=0000-01-02',
    ];
    for (const path of paths) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.text, path).toMatch(/1900-01-01.*9000-12-31/);
    }
    for (const path of ['/api/v1/forecast?date=9000-12-31', '/api/v1/funnel?from=1900-01-01&to=9000-12-31', '/api/v1/reports/activity?period=month&date=9000-12-31', '/api/v1/pipeline?date=9000-12-31&closePeriod=quarter']) {
      expect((await send('GET', path)).status, path).toBe(200);
    }
  });

  it.skipIf(!available)('completes recurring reminders at the edges of the allowed range, ending a series that would leave it', async () => {
    const late = await send('POST', '/api/v1/reminders', { title: 'Last of the series', dueAt: '9000-12-31T23:59:59Z', recurrence: { frequency: 'monthly' } });
    expect(late.status).toBe(201);
    const done = await send('POST', `/api/v1/reminders/${(late.json as { id: string }).id}/complete`, {});
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ reminder: { status: 'done' }, next: null });

    const early = await send('POST', '/api/v1/reminders', { title: 'Since 1900', dueAt: '1900-01-01T00:00:00Z', recurrence: { frequency: 'daily' } });
    expect(early.status).toBe(201);
    const caughtUp = await send('POST', `/api/v1/reminders/${(early.json as { id: string }).id}/complete`, {});
    expect(caughtUp.status).toBe(200);
    const next = (caughtUp.json as { next: { dueAt: string } }).next;
    expect(new Date(next.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(next.dueAt).getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600_000);

    for (const dueAt of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z']) {
      const refused = await send('POST', '/api/v1/reminders', { title: 'Out of range', dueAt, recurrence: { frequency: 'daily' } });
      expect(refused.status, dueAt).toBe(400);
      expect(refused.text).toMatch(/1900-01-01.*9000-12-31/);
    }
  });

  it.skipIf(!available)('refuses a reminder "in 99999 years" instead of delivering it at once', async () => {
    const far = await send('POST', '/api/v1/reminders', { title: 'Far away', due: 'in 99999 years' });
    expect(far.status).toBe(400);
    expect(far.text).toMatch(/9000/);
    const due = await send('GET', '/api/v1/reminders/due');
    expect((due.json as { items: Array<{ title: string }> }).items.map((r) => r.title)).not.toContain('Far away');
  });

  it.skipIf(!available)('sums the largest amounts exactly on the board, funnel, forecast and win-loss', async () => {
    const { id: accountId } = await account();
    const max = 2 ** 53 - 1;
    const refused = await send('POST', '/api/v1/deals', { title: 'Too big', accountId, amount: { minor: max, currency: 'USD' } });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/At most/);
    const biggest = (await send('POST', '/api/v1/deals', { title: 'Huge', accountId, amount: { minor: 1e13, currency: 'JPY' }, expectedCloseDate: '2026-06-30' })).json as { id: string };
    await send('POST', '/api/v1/deals', { title: 'Huge 2', accountId, amount: { minor: 1e13, currency: 'JPY' } });
    await send('POST', '/api/v1/deals', { title: 'Small', accountId, amount: { minor: 1, currency: 'JPY' } });
    const board = await send('GET', '/api/v1/pipeline?scope=all');
    expect(board.status).toBe(200);
    expect(board.text).toContain('20000000000001');
    expect((await send('GET', '/api/v1/funnel?scope=all')).status).toBe(200);
    expect((await send('POST', `/api/v1/deals/${biggest.id}/win`, {})).status).toBe(200);
    for (const path of ['/api/v1/forecast?scope=all', '/api/v1/win-loss?scope=all', '/api/v1/pipeline?scope=all', '/api/v1/funnel?scope=all']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(200);
    }
    expect((await send('GET', '/api/v1/win-loss?scope=all')).text).toContain('10000000000000');
  });

  it.skipIf(!available)('refuses oversized text in every kind of field and never shows a database message', async () => {
    const huge = 'x'.repeat(1024 * 1024 - 100);
    const big = 'y'.repeat(10_001);
    const { id: accountId } = await account();
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/v1/users/${hub.t.ids.ann}`, { identities: { slackUserId: huge } }],
      ['PATCH', `/api/v1/users/${hub.t.ids.ann}`, { identities: { entraObjectId: big } }],
      ['POST', '/api/v1/teams', { name: big }],
      ['POST', '/api/v1/accounts', { name: 'Long', domains: [`${'a'.repeat(300)}.example`] }],
      ['POST', '/api/v1/contacts', { name: 'Long', emails: [`${'a'.repeat(300)}@long.example`], phones: [big] }],
      ['POST', '/api/v1/activities', { type: 'note', accountId, body: huge }],
      ['POST', '/api/v1/activities', { type: 'email', accountId, subject: 'x', externalId: big }],
      ['POST', '/api/v1/users', { name: 'Long', email: `${'a'.repeat(400)}@long.example` }],
      ['POST', '/api/v1/campaigns', { name: big, startDate: '2026-01-01' }],
    ];
    const slack = await send('PATCH', `/api/v1/users/${hub.t.ids.ann}`, { identities: { slackUserId: huge } });
    expect(slack.json).toMatchObject({ status: 400, errors: [{ path: 'identities.slackUserId', message: 'At most 100 characters.' }] });
    for (const [method, path, body] of attempts) {
      const answer = await send(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect(answer.text).not.toMatch(/database|sqlite|postgres|violates|value too long/i);
    }
  });

  it.skipIf(!available)('accepts ISO 4217 currencies only', async () => {
    const { id: accountId } = await account();
    for (const currency of ['ZZZ', 'BTC', 'NaN', 'XXX']) {
      const answer = await send('POST', '/api/v1/deals', { title: 'Odd money', accountId, amount: { minor: 100, currency } });
      expect(answer.status, currency).toBe(400);
      expect(answer.text).toMatch(/ISO 4217/);
    }
    expect((await send('POST', '/api/v1/deals', { title: 'Yuan', accountId, amount: { minor: 100, currency: 'cny' } })).status).toBe(201);
  });

  it.skipIf(!available)('says a wrong type is a wrong type, and a missing field is missing', async () => {
    const { id: accountId } = await account();
    const wrong = await send('POST', '/api/v1/deals', { title: 'Typed', accountId, amount: 'lots' });
    expect(wrong.status).toBe(400);
    expect((wrong.json as { errors: Array<{ path: string; message: string }> }).errors).toContainEqual({ path: 'amount', message: 'Expected an object, got a string.' });
    const missing = await send('POST', '/api/v1/deals', { title: 'Typed', accountId });
    expect((missing.json as { errors: Array<{ path: string; message: string }> }).errors).toContainEqual({ path: 'amount', message: 'Required.' });
    const minor = await send('POST', '/api/v1/deals', { title: 'Typed', accountId, amount: { minor: 'lots', currency: 'EUR' } });
    expect((minor.json as { errors: Array<{ path: string; message: string }> }).errors).toContainEqual({ path: 'amount.minor', message: 'Expected a number, got a string.' });
  });
});
