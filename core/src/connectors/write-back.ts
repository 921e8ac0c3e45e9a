import { hasConnectors } from '../store/connector-unit-of-work.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { CrmEvent } from '../events/event.schema.js';

/** The deal fields a connected CRM is told about when they change in Rapport. */
const WRITTEN_BACK: readonly string[] = ['title', 'stageId', 'status', 'amount', 'expectedCloseDate'];

/**
 * Queues the write-back of a change to a synced deal, in the transaction of the change itself:
 * one outbox entry per connection that links the deal, holding the changed fields. Records
 * no connection links are left alone, and so is a store without connector state.
 */
export async function queueWriteBack(uow: UnitOfWork, event: CrmEvent): Promise<void> {
  if (!hasConnectors(uow) || event.entityType !== 'deal' || event.before === null || typeof event.after !== 'object' || event.after === null) return;
  const after = event.after as Record<string, unknown>;
  const changes = Object.fromEntries(WRITTEN_BACK.filter((key) => key in after).map((key) => [key, after[key]]));
  if (Object.keys(changes).length === 0) return;
  for (const connection of await uow.connectors.listConnections()) {
    if (connection.status === 'disconnected') continue;
    if (!(await uow.connectors.findByLocal(connection.id, 'deal', event.entityId))) continue;
    await uow.connectors.appendOutbox({
      id: `out_${event.id}_${connection.id}`, connectionId: connection.id, kind: 'deal', localId: event.entityId, operation: 'update', changes,
      status: 'pending', attempts: 0, nextAttemptAt: event.at, lastError: null, createdAt: event.at,
    });
  }
}
