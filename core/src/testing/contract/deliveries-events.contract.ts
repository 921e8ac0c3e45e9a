import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../../events/event.port.js';
import { aDelivery, anEvent } from '../builders.js';
import { allPages, badCursors, expectCrmError, ids, type ContractContext } from './support.js';

export function describeDeliveryAndEventContract({ write, read }: ContractContext): void {
  describe('reminder deliveries', () => {
    it('keeps one row per reminder, firing and channel, replacing it on save', async () => {
      const slack = aDelivery({ reminderId: 'rem_a', fireAt: '2026-03-02T09:00:00.000Z', channel: 'slack', status: 'retrying', attempts: 1, lastError: 'ratelimited ⏳', nextAttemptAt: '2026-03-02T09:01:00.000Z', deliveredAt: null });
      const earlier = aDelivery({ reminderId: 'rem_a', fireAt: '2026-03-01T09:00:00.000Z', channel: 'extension' });
      const other = aDelivery({ reminderId: 'rem_b', fireAt: '2026-03-01T09:00:00.000Z' });
      await write(async (uow) => {
        for (const d of [slack, earlier, other]) await uow.deliveries.save(d);
      });
      expect(await read((uow) => uow.deliveries.find('rem_a', slack.fireAt, 'slack'))).toEqual(slack);
      expect(await read((uow) => uow.deliveries.find('rem_a', slack.fireAt, 'teams'))).toBeNull();
      expect(await read((uow) => uow.deliveries.find('rem_a', '2026-03-03T09:00:00.000Z', 'slack'))).toBeNull();
      const delivered = { ...slack, status: 'delivered' as const, attempts: 2, lastError: null, nextAttemptAt: null, deliveredAt: '2026-03-02T09:01:02.345Z', updatedAt: '2026-03-02T09:01:02.345Z' };
      await write((uow) => uow.deliveries.save(delivered));
      expect(await read((uow) => uow.deliveries.find('rem_a', slack.fireAt, 'slack'))).toEqual(delivered);
      expect(await read((uow) => uow.deliveries.listForReminder('rem_a'))).toEqual([earlier, delivered]);
      expect(await read((uow) => uow.deliveries.listForReminder('rem_none'))).toEqual([]);
    });
  });

  describe('events', () => {
    it('stores events with their before and after exactly', async () => {
      const event = anEvent({
        type: 'deal.stage_changed',
        before: { stageId: 'lead', amount: { minor: 100, currency: 'EUR' }, tags: ['a', 'ü'], note: null },
        after: { stageId: 'demo', title: '华为 🚀', nested: { deep: [1, 2.5, true, null] } },
        at: '2026-03-01T12:34:56.789Z',
      });
      const bare = anEvent({ before: null, after: null, actorId: null, surface: 'system' });
      await write(async (uow) => {
        await uow.events.append(event);
        await uow.events.append(bare);
      });
      const { items } = await read((uow) => uow.events.list({}, { limit: 10 }));
      expect(items.find((e) => e.id === event.id)).toEqual(event);
      expect(items.find((e) => e.id === bare.id)).toEqual(bare);
      await expectCrmError(write((uow) => uow.events.append(bare)), 'conflict', bare.id);
    });

    it('lists newest first (at, then id, descending) across pages, with every filter', async () => {
      const e = [
        anEvent({ type: 'deal.created', entityType: 'deal', entityId: 'deal_a', actorId: 'usr_a', at: '2026-01-01T00:00:00.000Z' }),
        anEvent({ type: 'deal.won', entityType: 'deal', entityId: 'deal_a', actorId: 'usr_b', at: '2026-01-02T00:00:00.000Z' }),
        anEvent({ type: 'contact.created', entityType: 'contact', entityId: 'con_a', actorId: 'usr_a', at: '2026-01-02T00:00:00.000Z' }),
        anEvent({ type: 'deal.created', entityType: 'deal', entityId: 'deal_b', actorId: null, at: '2026-01-03T00:00:00.000Z' }),
      ];
      await write(async (uow) => {
        for (const event of [...e].reverse()) await uow.events.append(event);
      });
      const list = async (filter: EventFilter): Promise<string[]> =>
        ids((await allPages((page) => read((uow) => uow.events.list(filter, page)), 1)).items);
      const pick = (...i: number[]): string[] => i.map((n) => e[n]!.id);
      expect(await list({})).toEqual(pick(3, 2, 1, 0));
      expect(await list({ entityType: 'deal' })).toEqual(pick(3, 1, 0));
      expect(await list({ entityType: 'deal', entityId: 'deal_a' })).toEqual(pick(1, 0));
      expect(await list({ types: ['deal.created', 'contact.created'] })).toEqual(pick(3, 2, 0));
      expect(await list({ types: [] })).toEqual([]);
      expect(await list({ actorId: 'usr_a' })).toEqual(pick(2, 0));
      expect(await list({ from: '2026-01-02T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' })).toEqual(pick(2, 1));
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.events.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });
  });
}
