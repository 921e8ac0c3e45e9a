import { MemoryStore, type Activity, type AnalyticsStore, type CrmEvent } from '@rapport/core';
import { createSqliteStore } from '@rapport/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems } from '../testing/all-pages.js';
import { seedDemo } from './seed-demo.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Each activity as a person reads it: what, when, from where, about which account. */
async function logged(store: AnalyticsStore): Promise<{ activities: string[]; events: CrmEvent[]; stored: Activity[] }> {
  return store.read(async (uow) => {
    const accounts = new Map((await allItems((cursor) => uow.accounts.list({}, { limit: 200, cursor }))).map((a) => [a.id, a.name]));
    const stored = await allItems((cursor) => uow.activities.list({}, { limit: 200, cursor }));
    const events = await allItems((cursor) => uow.events.list({ types: ['activity.logged'] }, { limit: 200, cursor }));
    const activities = stored
      .map((a) => JSON.stringify([a.type, a.subject, a.body, a.occurredAt, a.createdAt, a.surface, a.externalId, a.participants, accounts.get(a.accountId ?? '')]))
      .sort();
    return { activities, events, stored };
  });
}

describe('the demo seed on a SQL store', () => {
  const sqlite = createSqliteStore({ file: ':memory:' });
  let bySql: Awaited<ReturnType<typeof logged>>;
  let byServices: Awaited<ReturnType<typeof logged>>;

  beforeAll(async () => {
    const memory = new MemoryStore();
    await seedDemo({ store: memory, now: NOW }, { size: 'small' });
    await seedDemo({ store: await sqlite, now: NOW }, { size: 'small' });
    [byServices, bySql] = [await logged(memory), await logged(await sqlite)];
  }, 120_000);
  afterAll(async () => (await sqlite).close());

  it('writes at once the same activities the services log one by one', () => {
    expect(bySql.activities.length).toBeGreaterThan(500);
    expect(bySql.activities).toEqual(byServices.activities);
  });

  it('records an "activity logged" event for each, by its author, at the instant it was logged', () => {
    expect(bySql.events.length).toBeGreaterThan(500);
    expect(bySql.events.length).toBe(byServices.events.length);
    const byId = new Map(bySql.stored.map((a) => [a.id, a]));
    for (const event of bySql.events) {
      const activity = byId.get(event.entityId);
      expect(activity).toBeDefined();
      expect(event).toMatchObject({ actorId: activity?.authorId, surface: activity?.surface, at: activity?.createdAt, after: activity });
    }
  });
});
