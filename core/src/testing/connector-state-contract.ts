import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorStateRepository } from '../connectors/connector-state.port.js';
import type { Connection, OutboxEntry } from '../connectors/connector.schema.js';

/** Makes a fresh, empty connector state for each case. */
export type ConnectorStateFactory = () => Promise<ConnectorStateRepository>;

const AT = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-02T09:05:00.000Z';

export const aConnection = (overrides: Partial<Connection> = {}): Connection => ({
  id: 'conn-1', provider: 'hubspot', label: 'HubSpot portal 123', status: 'active', lastError: null, lastSyncAt: null,
  leaseOwner: null, leaseUntil: null, createdAt: AT, updatedAt: AT, ...overrides,
});

const anEntry = (id: string, overrides: Partial<OutboxEntry> = {}): Omit<OutboxEntry, 'sequence'> => ({
  id, connectionId: 'conn-1', kind: 'deal', localId: 'deal-1', operation: 'update', changes: { stageId: 'won' },
  status: 'pending', attempts: 0, nextAttemptAt: AT, lastError: null, createdAt: AT, ...overrides,
});

/** The cases every ConnectorStateRepository passes (memory, SQLite, PostgreSQL). */
export function describeConnectorStateContract(name: string, make: ConnectorStateFactory): void {
  describe(`connector state: ${name}`, () => {
    let state: ConnectorStateRepository;
    beforeEach(async () => {
      state = await make();
      await state.saveConnection(aConnection());
    });

    it('keeps a connection and lists it', async () => {
      expect(await state.getConnection('conn-1')).toEqual(aConnection());
      expect((await state.listConnections()).map((c) => c.id)).toEqual(['conn-1']);
      expect(await state.getConnection('missing')).toBeNull();
    });

    it('gives the sync to one hub at a time until its lease lapses', async () => {
      const first = await state.claimSync('conn-1', { owner: 'hub-a', now: AT, leaseUntil: LATER });
      expect(first?.leaseOwner).toBe('hub-a');
      expect(await state.claimSync('conn-1', { owner: 'hub-b', now: AT, leaseUntil: LATER })).toBeNull();
      expect((await state.claimSync('conn-1', { owner: 'hub-b', now: LATER, leaseUntil: '2026-03-02T09:10:00.000Z' }))?.leaseOwner).toBe('hub-b');
      await state.releaseSync('conn-1', 'hub-a');
      expect((await state.getConnection('conn-1'))?.leaseOwner).toBe('hub-b');
      await state.releaseSync('conn-1', 'hub-b');
      expect((await state.claimSync('conn-1', { owner: 'hub-a', now: AT, leaseUntil: LATER }))?.leaseOwner).toBe('hub-a');
    });

    it('links local and remote records both ways and refuses a remote id linked twice', async () => {
      const link = { connectionId: 'conn-1', kind: 'deal' as const, localId: 'deal-1', remoteId: '9001', remoteUrl: 'https://crm.example/deal/9001', remoteModifiedAt: AT };
      await state.saveLink(link);
      expect(await state.findByRemote('conn-1', 'deal', '9001')).toEqual(link);
      expect(await state.findByLocal('conn-1', 'deal', 'deal-1')).toEqual(link);
      expect(await state.findByRemote('conn-1', 'contact', '9001')).toBeNull();
      await state.saveLink({ ...link, remoteModifiedAt: LATER });
      expect((await state.findByRemote('conn-1', 'deal', '9001'))?.remoteModifiedAt).toBe(LATER);
      await expect(state.saveLink({ ...link, localId: 'deal-2' })).rejects.toMatchObject({ code: 'conflict' });
      expect(await state.countLinks('conn-1')).toEqual({ deal: 1 });
    });

    it('keeps a cursor per object', async () => {
      const cursor = { connectionId: 'conn-1', object: 'deals', cursor: 'after-100', initialDone: false, recordsRead: 100, recordsTotal: 250, lastError: null, updatedAt: AT };
      await state.saveCursor(cursor);
      await state.saveCursor({ ...cursor, object: 'companies', cursor: null, initialDone: true });
      await state.saveCursor({ ...cursor, recordsRead: 200, cursor: 'after-200' });
      expect((await state.listCursors('conn-1')).map((c) => [c.object, c.cursor, c.recordsRead])).toEqual([
        ['companies', null, 100],
        ['deals', 'after-200', 200],
      ]);
    });

    it('pushes the outbox in order, holding later entries behind a pending one', async () => {
      const first = await state.appendOutbox(anEntry('out-1'));
      const second = await state.appendOutbox(anEntry('out-2', { changes: { amount: 5000 } }));
      expect(second.sequence).toBeGreaterThan(first.sequence);
      expect((await state.nextOutbox('conn-1', AT))?.id).toBe('out-1');
      await state.saveOutbox({ ...first, attempts: 1, nextAttemptAt: LATER, lastError: 'The remote is busy.' });
      expect(await state.nextOutbox('conn-1', AT)).toBeNull();
      expect((await state.nextOutbox('conn-1', LATER))?.id).toBe('out-1');
      await state.saveOutbox({ ...first, status: 'done' });
      expect(await state.nextOutbox('conn-1', AT)).toMatchObject({ id: 'out-2', changes: { amount: 5000 } });
      expect(await state.countOutbox('conn-1')).toEqual({ pending: 1, done: 1, failed: 0 });
    });

    it('forgets everything about a connection when it is deleted', async () => {
      await state.saveLink({ connectionId: 'conn-1', kind: 'contact', localId: 'c-1', remoteId: '1', remoteUrl: null, remoteModifiedAt: null });
      await state.appendOutbox(anEntry('out-1'));
      await state.deleteConnection('conn-1');
      expect(await state.getConnection('conn-1')).toBeNull();
      expect(await state.findByRemote('conn-1', 'contact', '1')).toBeNull();
      expect(await state.countOutbox('conn-1')).toEqual({ pending: 0, done: 0, failed: 0 });
    });
  });
}
