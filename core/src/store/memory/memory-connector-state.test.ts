import { describe, expect, it } from 'vitest';
import { hasConnectors } from '../connector-unit-of-work.js';
import { aConnection, describeConnectorStateContract } from '../../testing/connector-state-contract.js';
import { MemoryStore } from './memory-store.js';

describeConnectorStateContract('memory', async () =>
  new MemoryStore().read(async (uow) => {
    if (!hasConnectors(uow)) throw new Error('The memory store keeps connector state.');
    return uow.connectors;
  }),
);

describe('connector state in a memory transaction', () => {
  it('rolls back with the rest of a transaction that fails', async () => {
    const store = new MemoryStore();
    const failing = store.transaction(async (uow) => {
      if (hasConnectors(uow)) await uow.connectors.saveConnection(aConnection());
      throw new Error('the record write failed');
    });
    await expect(failing).rejects.toThrow();
    expect(await store.read(async (uow) => (hasConnectors(uow) ? uow.connectors.listConnections() : null))).toEqual([]);
  });
});
