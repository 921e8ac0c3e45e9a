import { describe, expect, it } from 'vitest';
import type { ActivityFilter } from '../../activities/activity.port.js';
import { anActivity } from '../builders.js';
import { allPages, badCursors, expectCrmError, ids, type ContractContext } from './support.js';

export function describeActivityContract({ write, read }: ContractContext): void {
  describe('activities', () => {
    it('stores an activity exactly and finds it by external id', async () => {
      const activity = anActivity({
        type: 'email',
        subject: 'Re: Angebot für München 📎',
        body: '你好 — see the attached quote.',
        occurredAt: '2026-03-01T12:34:56.789Z',
        contactId: 'con_ann',
        dealId: 'deal_acme',
        surface: 'gmail',
        externalId: '<CAF=abc123@mail.gmail.com>',
        participants: ['ann@acme.com', 'bob@globex.com'],
        createdAt: '2026-03-01T12:35:00.000Z',
      });
      await write((uow) => uow.activities.insert(activity));
      expect(await read((uow) => uow.activities.get(activity.id))).toEqual(activity);
      expect(await read((uow) => uow.activities.findByExternalId('<CAF=abc123@mail.gmail.com>'))).toEqual(activity);
      expect(await read((uow) => uow.activities.findByExternalId('<other@mail>'))).toBeNull();
      expect(await read((uow) => uow.activities.get('act_missing'))).toBeNull();
    });

    it('never logs the same external id twice, and allows any number without one', async () => {
      const first = anActivity({ externalId: 'https://acme.slack.com/archives/C1/p1' });
      await write((uow) => uow.activities.insert(first));
      const again = anActivity({ externalId: first.externalId, body: 'again' });
      await expectCrmError(write((uow) => uow.activities.insert(again)), 'conflict', 'https://acme.slack.com/archives/C1/p1');
      expect(await read((uow) => uow.activities.get(again.id))).toBeNull();
      await expectCrmError(write((uow) => uow.activities.insert({ ...first, externalId: null })), 'conflict', first.id);
      await write(async (uow) => {
        await uow.activities.insert(anActivity({ externalId: null }));
        await uow.activities.insert(anActivity({ externalId: null }));
      });
      expect((await read((uow) => uow.activities.list({}, { limit: 10 }))).items).toHaveLength(3);
      await write((uow) => uow.activities.delete(first.id));
      expect(await read((uow) => uow.activities.get(first.id))).toBeNull();
      await write((uow) => uow.activities.insert(again));
      expect((await read((uow) => uow.activities.findByExternalId(again.externalId!)))?.id).toBe(again.id);
    });

    it('lists newest first (occurredAt, then id, descending) across pages', async () => {
      const times = ['2026-01-03T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.001Z'];
      const activities = times.map((occurredAt) => anActivity({ occurredAt }));
      await write(async (uow) => {
        for (const a of activities) await uow.activities.insert(a);
      });
      const { items } = await allPages((page) => read((uow) => uow.activities.list({}, page)), 2);
      const [late, early, tieA, tieB, justAfter] = activities;
      expect(ids(items)).toEqual(ids([late!, justAfter!, tieB!, tieA!, early!]));
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.activities.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });

    it('filters by linked records (any of them), author, type and a [from, to) range', async () => {
      const a = [
        anActivity({ contactId: 'con_a', accountId: 'acc_a', dealId: null, type: 'email', authorId: 'usr_a', occurredAt: '2026-01-01T00:00:00.000Z' }),
        anActivity({ contactId: null, accountId: 'acc_b', dealId: 'deal_a', type: 'call', authorId: 'usr_b', occurredAt: '2026-01-02T00:00:00.000Z' }),
        anActivity({ contactId: 'con_b', accountId: 'acc_b', dealId: null, type: 'meeting', authorId: 'usr_a', occurredAt: '2026-01-03T00:00:00.000Z' }),
        anActivity({ contactId: null, accountId: 'acc_c', dealId: 'deal_b', type: 'note', authorId: 'usr_b', occurredAt: '2026-01-04T00:00:00.000Z' }),
      ];
      await write(async (uow) => {
        for (const activity of a) await uow.activities.insert(activity);
      });
      const list = async (filter: ActivityFilter): Promise<string[]> =>
        ids((await allPages((page) => read((uow) => uow.activities.list(filter, page)), 1)).items);
      const pick = (...i: number[]): string[] => i.map((n) => a[n]!.id);
      expect(await list({ about: { contactIds: ['con_a'], dealIds: ['deal_b'] } })).toEqual(pick(3, 0));
      expect(await list({ about: { accountIds: ['acc_b'] } })).toEqual(pick(2, 1));
      expect(await list({ about: { contactIds: ['con_b'], accountIds: ['acc_a'], dealIds: ['deal_a'] } })).toEqual(pick(2, 1, 0));
      expect(await list({ about: {} })).toEqual([]);
      expect(await list({ about: { contactIds: [] } })).toEqual([]);
      expect(await list({ authorId: 'usr_a' })).toEqual(pick(2, 0));
      expect(await list({ types: ['call', 'note'] })).toEqual(pick(3, 1));
      expect(await list({ types: [] })).toEqual([]);
      expect(await list({ from: '2026-01-02T00:00:00.000Z', to: '2026-01-04T00:00:00.000Z' })).toEqual(pick(2, 1));
      expect(await list({ about: { accountIds: ['acc_b', 'acc_c'] }, authorId: 'usr_b', from: '2026-01-03T00:00:00.000Z' })).toEqual(pick(3));
    });

    it('relinks activities from one contact or account to another', async () => {
      const a = anActivity({ contactId: 'con_old', accountId: 'acc_old' });
      const b = anActivity({ contactId: 'con_old', accountId: 'acc_keep' });
      const c = anActivity({ contactId: 'con_keep', accountId: 'acc_old' });
      await write(async (uow) => {
        for (const activity of [a, b, c]) await uow.activities.insert(activity);
      });
      expect(await write((uow) => uow.activities.reassignContact('con_old', 'con_new'))).toBe(2);
      expect(await write((uow) => uow.activities.reassignAccount('acc_old', null))).toBe(2);
      expect(await read((uow) => uow.activities.get(a.id))).toEqual({ ...a, contactId: 'con_new', accountId: null });
      expect(await read((uow) => uow.activities.get(b.id))).toEqual({ ...b, contactId: 'con_new' });
      expect(await read((uow) => uow.activities.get(c.id))).toEqual({ ...c, accountId: null });
      expect(await write((uow) => uow.activities.reassignContact('con_none', null))).toBe(0);
    });
  });
}
