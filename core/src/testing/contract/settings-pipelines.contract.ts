import { describe, expect, it } from 'vitest';
import type { IdempotencyRecord } from '../../store/idempotency.port.js';
import { aPipeline } from '../builders.js';
import { expectCrmError, ids, type ContractContext } from './support.js';

const record = (patch: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  userId: 'usr_ann',
  key: 'b3c1f1e2-key',
  fingerprint: 'POST /api/deals 9f86d081',
  status: 201,
  body: '{"id":"deal_1","title":"华为"}',
  createdAt: '2026-03-01T12:34:56.789Z',
  ...patch,
});

export function describeSettingsAndPipelineContract({ write, read }: ContractContext): void {
  describe('pipelines', () => {
    it('stores pipelines with their stages and lists the default first, then by name', async () => {
      const zebra = aPipeline({ name: 'Zebra deals' });
      const main = aPipeline({ name: 'Vertrieb', isDefault: true, stages: [{ id: 'erstkontakt', name: 'Erstkontakt', probability: 5 }, { id: 'angebot', name: 'Angebot', probability: 50 }] });
      const alpha = aPipeline({ name: 'ämter' });
      const beta = aPipeline({ name: 'Beta' });
      await write(async (uow) => {
        for (const p of [zebra, main, alpha, beta]) await uow.pipelines.insert(p);
      });
      expect(await read((uow) => uow.pipelines.get(main.id))).toEqual(main);
      expect(await read((uow) => uow.pipelines.get('pipe_missing'))).toBeNull();
      expect(await read((uow) => uow.pipelines.getDefault())).toEqual(main);
      expect(ids(await read((uow) => uow.pipelines.list()))).toEqual(ids([main, alpha, beta, zebra]));
      const renamed = { ...zebra, name: 'Partners', teamId: 'team_east', version: 2, updatedAt: '2026-03-02T10:00:00.000Z', stages: [...zebra.stages, { id: 'won', name: 'Signed', probability: 100, outcome: 'won' as const }] };
      expect(await write((uow) => uow.pipelines.update(renamed))).toBe(true);
      expect(await read((uow) => uow.pipelines.get(zebra.id))).toEqual(renamed);
      expect(await write((uow) => uow.pipelines.update({ ...renamed, name: 'Stale write' }))).toBe(false);
      expect(await read((uow) => uow.pipelines.get(zebra.id))).toEqual(renamed);
      expect(await write((uow) => uow.pipelines.update(aPipeline({ id: 'pipe_ghost', version: 2 })))).toBe(false);
      expect(await write((uow) => uow.pipelines.delete(alpha.id))).toBe(true);
      expect(await write((uow) => uow.pipelines.delete(alpha.id))).toBe(false);
      expect(ids(await read((uow) => uow.pipelines.list()))).toEqual(ids([main, beta, renamed]));
      await expectCrmError(write((uow) => uow.pipelines.insert(beta)), 'conflict', beta.id);
    });

    it('has no default pipeline until one is stored', async () => {
      expect(await read((uow) => uow.pipelines.getDefault())).toBeNull();
      expect(await read((uow) => uow.pipelines.list())).toEqual([]);
    });
  });

  describe('idempotency records', () => {
    it('stores a response once per user and key', async () => {
      const first = record();
      await write((uow) => uow.idempotency.put(first));
      expect(await read((uow) => uow.idempotency.get('usr_ann', first.key))).toEqual(first);
      expect(await read((uow) => uow.idempotency.get('usr_bob', first.key))).toBeNull();
      await expectCrmError(write((uow) => uow.idempotency.put(record({ status: 500, body: 'other' }))), 'conflict', first.key);
      expect(await read((uow) => uow.idempotency.get('usr_ann', first.key))).toEqual(first);
      const bobs = record({ userId: 'usr_bob' });
      await write((uow) => uow.idempotency.put(bobs));
      expect(await read((uow) => uow.idempotency.get('usr_bob', first.key))).toEqual(bobs);
    });

    it('completes a reserved record with its response, and releases one', async () => {
      const reserved = record({ key: 'reserved', status: 0, body: '' });
      await write((uow) => uow.idempotency.put(reserved));
      expect(await write((uow) => uow.idempotency.complete('usr_ann', 'reserved', 201, '{"id":"acc_1"}'))).toBe(true);
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'reserved'))).toEqual({ ...reserved, status: 201, body: '{"id":"acc_1"}' });
      expect(await write((uow) => uow.idempotency.complete('usr_ann', 'missing', 201, '{}'))).toBe(false);
      await write((uow) => uow.idempotency.release('usr_ann', 'reserved'));
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'reserved'))).toBeNull();
      await write((uow) => uow.idempotency.put(reserved));
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'reserved'))).toEqual(reserved);
    });

    it('deletes the records created strictly before an instant and says how many', async () => {
      const cut = '2026-03-01T00:00:00.000Z';
      await write(async (uow) => {
        await uow.idempotency.put(record({ key: 'old-1', createdAt: '2026-02-01T00:00:00.000Z' }));
        await uow.idempotency.put(record({ key: 'old-2', createdAt: '2026-02-28T23:59:59.999Z' }));
        await uow.idempotency.put(record({ key: 'at-cut', createdAt: cut }));
        await uow.idempotency.put(record({ key: 'new', createdAt: '2026-03-02T00:00:00.000Z' }));
      });
      expect(await write((uow) => uow.idempotency.deleteBefore(cut))).toBe(2);
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'old-2'))).toBeNull();
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'at-cut'))).not.toBeNull();
      expect(await read((uow) => uow.idempotency.get('usr_ann', 'new'))).not.toBeNull();
      expect(await write((uow) => uow.idempotency.deleteBefore(cut))).toBe(0);
    });
  });

  describe('settings', () => {
    it('keeps JSON values by key and overwrites them', async () => {
      const values: Record<string, unknown> = {
        object: { enabled: true, channels: ['slack', 'teams'], limits: { daily: 3 }, label: 'Grüße 你好 👋' },
        array: [1, 'two', null, { three: 3 }],
        text: 'demo seeded',
        number: 42.5,
        flag: false,
        nothing: null,
      };
      expect(await read((uow) => uow.settings.get('object'))).toBeNull();
      await write(async (uow) => {
        for (const [key, value] of Object.entries(values)) await uow.settings.set(key, value);
      });
      for (const [key, value] of Object.entries(values)) {
        expect(await read((uow) => uow.settings.get(key))).toEqual(value);
      }
      await write((uow) => uow.settings.set('text', { replaced: true }));
      expect(await read((uow) => uow.settings.get<{ replaced: boolean }>('text'))).toEqual({ replaced: true });
    });
  });
}
