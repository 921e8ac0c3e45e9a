import { createServices, ManualClock, TimeOrderedIds } from '@rapport/core';
import { createHub, readConfig, silentLogger, type Hub } from '@rapport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

/**
 * Tokens die at once: two hubs on one database remember tokens for speed, yet a token revoked
 * on either hub, through the API or by the CLI, a deactivated user, and an expired token are
 * refused on the very next request to either hub.
 */
describe.each(ENGINES)('tokens across two hubs on one $engine database', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let a: Hub;
  let b: Hub;
  const clock = new ManualClock('2026-05-04T08:00:00.000Z');
  const me = (hub: Hub, secret: string) => hub.app.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  const statuses = async (secret: string) => [(await me(a, secret)).status, (await me(b, secret)).status];
  let adminSecret = '';
  let annId = '';

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    const config = (hubId: string) => ({ ...readConfig({ RAPPORT_SCHEDULER: '0', RAPPORT_DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' }), hubId });
    a = await createHub({ config: config('hub-a'), clock, logger: silentLogger });
    b = await createHub({ config: config('hub-b'), clock, logger: silentLogger });
    const admin = await a.services.users.create(null, { name: 'Ada', email: 'ada@tokens.test', role: 'admin', timeZone: 'UTC' });
    annId = (await a.services.users.create(null, { name: 'Ann', email: 'ann@tokens.test', timeZone: 'UTC' })).id;
    adminSecret = (await a.services.tokens.create(null, admin.id, 'admin')).secret;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it.skipIf(!available)('refuses a token revoked through the API of the other hub on the next request', async () => {
    const { token, secret } = await a.services.tokens.create(null, annId, 'laptop');
    expect(await statuses(secret)).toEqual([200, 200]);
    const revoked = await a.app.request(`/api/v1/tokens/${token.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminSecret}` } });
    expect(revoked.status).toBe(204);
    expect(await statuses(secret)).toEqual([401, 401]);
    expect(await statuses(adminSecret)).toEqual([200, 200]);
  });

  it.skipIf(!available)('refuses a token revoked by the CLI (its own connection to the database) on both hubs at once', async () => {
    const { token, secret } = await b.services.tokens.create(null, annId, 'phone');
    expect(await statuses(secret)).toEqual([200, 200]);
    const cliStore = await database.open();
    try {
      await createServices({ store: cliStore, clock, ids: new TimeOrderedIds() }).tokens.revoke(null, token.id);
    } finally {
      await cliStore.close();
    }
    expect(await statuses(secret)).toEqual([401, 401]);
  });

  it.skipIf(!available)('refuses the tokens of a user deactivated on the other hub, and of a role taken away', async () => {
    const bo = await a.services.users.create(null, { name: 'Bo', email: 'bo@tokens.test', role: 'admin', timeZone: 'UTC' });
    const { secret } = await a.services.tokens.create(null, bo.id, 'bo');
    expect(((await (await me(b, secret)).json()) as { user: { role: string } }).user.role).toBe('admin');
    await a.services.users.update(null, bo.id, { role: 'rep' });
    expect(((await (await me(b, secret)).json()) as { user: { role: string } }).user.role).toBe('rep');
    await a.services.users.update(null, bo.id, { active: false });
    expect(await statuses(secret)).toEqual([401, 401]);
  });

  it.skipIf(!available)('refuses a token the moment it expires, though both hubs remember it', async () => {
    const { secret } = await a.services.tokens.create(null, annId, 'short', '2026-05-04T09:00:00.000Z');
    expect(await statuses(secret)).toEqual([200, 200]);
    clock.set('2026-05-04T08:59:59.999Z');
    expect(await statuses(secret)).toEqual([200, 200]);
    clock.set('2026-05-04T09:00:00.000Z');
    expect(await statuses(secret)).toEqual([401, 401]);
  });

  it.skipIf(!available)('refuses to create a token that is already expired, with a 400 saying so', async () => {
    const response = await a.app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'late', expiresAt: '2026-05-04T07:00:00.000Z' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_input', detail: expect.stringContaining('already have expired'), errors: [{ path: 'expiresAt' }] });
  });
});
