import { CrmError } from '../shared/errors.js';
import { compareCodePoints } from '../shared/text.js';
import type { ConnectorStateRepository, SyncLeaseClaim } from './connector-state.port.js';
import type { Connection, OutboxEntry, RemoteKind, RemoteLink, SyncCursor } from './connector.schema.js';

const linkKey = (connectionId: string, kind: RemoteKind, id: string): string => JSON.stringify([connectionId, kind, id]);

/**
 * Connector state in memory, for tests and the demo: not for a hub whose data must outlive it.
 * Records are copied in and out, so callers cannot change what is kept by holding a reference.
 */
export class MemoryConnectorState implements ConnectorStateRepository {
  private readonly connections = new Map<string, Connection>();
  private readonly byLocal = new Map<string, RemoteLink>();
  private readonly byRemote = new Map<string, RemoteLink>();
  private readonly cursors = new Map<string, SyncCursor>();
  private readonly outbox = new Map<string, OutboxEntry>();

  async saveConnection(connection: Connection): Promise<void> {
    this.connections.set(connection.id, { ...connection });
  }

  async getConnection(id: string): Promise<Connection | null> {
    const found = this.connections.get(id);
    return found ? { ...found } : null;
  }

  async listConnections(): Promise<Connection[]> {
    return [...this.connections.values()]
      .sort((a, b) => compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id))
      .map((c) => ({ ...c }));
  }

  async deleteConnection(id: string): Promise<void> {
    this.connections.delete(id);
    for (const map of [this.byLocal, this.byRemote, this.cursors, this.outbox] as Map<string, { connectionId: string }>[]) {
      for (const [key, value] of map) if (value.connectionId === id) map.delete(key);
    }
  }

  async claimSync(connectionId: string, claim: SyncLeaseClaim): Promise<Connection | null> {
    const found = this.connections.get(connectionId);
    if (!found) return null;
    const free = found.leaseUntil === null || found.leaseUntil <= claim.now || found.leaseOwner === claim.owner;
    if (!free) return null;
    const claimed = { ...found, leaseOwner: claim.owner, leaseUntil: claim.leaseUntil };
    this.connections.set(connectionId, claimed);
    return { ...claimed };
  }

  async releaseSync(connectionId: string, owner: string): Promise<void> {
    const found = this.connections.get(connectionId);
    if (found?.leaseOwner === owner) this.connections.set(connectionId, { ...found, leaseOwner: null, leaseUntil: null });
  }

  async saveLink(link: RemoteLink): Promise<void> {
    const remoteKey = linkKey(link.connectionId, link.kind, link.remoteId);
    const holder = this.byRemote.get(remoteKey);
    if (holder && holder.localId !== link.localId) {
      throw new CrmError('conflict', `The remote ${link.kind} ${link.remoteId} is already linked to another record.`);
    }
    const localKey = linkKey(link.connectionId, link.kind, link.localId);
    const previous = this.byLocal.get(localKey);
    if (previous) this.byRemote.delete(linkKey(previous.connectionId, previous.kind, previous.remoteId));
    this.byLocal.set(localKey, { ...link });
    this.byRemote.set(remoteKey, { ...link });
  }

  async findByRemote(connectionId: string, kind: RemoteKind, remoteId: string): Promise<RemoteLink | null> {
    const found = this.byRemote.get(linkKey(connectionId, kind, remoteId));
    return found ? { ...found } : null;
  }

  async findByLocal(connectionId: string, kind: RemoteKind, localId: string): Promise<RemoteLink | null> {
    const found = this.byLocal.get(linkKey(connectionId, kind, localId));
    return found ? { ...found } : null;
  }

  async countLinks(connectionId: string): Promise<Partial<Record<RemoteKind, number>>> {
    const counts: Partial<Record<RemoteKind, number>> = {};
    for (const link of this.byLocal.values()) {
      if (link.connectionId === connectionId) counts[link.kind] = (counts[link.kind] ?? 0) + 1;
    }
    return counts;
  }

  async saveCursor(cursor: SyncCursor): Promise<void> {
    this.cursors.set(JSON.stringify([cursor.connectionId, cursor.object]), { ...cursor });
  }

  async listCursors(connectionId: string): Promise<SyncCursor[]> {
    return [...this.cursors.values()]
      .filter((c) => c.connectionId === connectionId)
      .sort((a, b) => compareCodePoints(a.object, b.object))
      .map((c) => ({ ...c }));
  }

  async appendOutbox(entry: Omit<OutboxEntry, 'sequence'>): Promise<OutboxEntry> {
    if (this.outbox.has(entry.id)) throw new CrmError('conflict', `Outbox entry ${entry.id} already exists.`);
    const last = Math.max(0, ...[...this.outbox.values()].filter((e) => e.connectionId === entry.connectionId).map((e) => e.sequence));
    const stored = { ...entry, changes: { ...entry.changes }, sequence: last + 1 };
    this.outbox.set(entry.id, stored);
    return { ...stored };
  }

  async nextOutbox(connectionId: string, now: string): Promise<OutboxEntry | null> {
    const pending = [...this.outbox.values()]
      .filter((e) => e.connectionId === connectionId && e.status === 'pending')
      .sort((a, b) => a.sequence - b.sequence)[0];
    return pending && pending.nextAttemptAt <= now ? { ...pending } : null;
  }

  async saveOutbox(entry: OutboxEntry): Promise<void> {
    if (!this.outbox.has(entry.id)) throw new CrmError('not_found', `Outbox entry ${entry.id} does not exist.`);
    this.outbox.set(entry.id, { ...entry, changes: { ...entry.changes } });
  }

  async countOutbox(connectionId: string): Promise<Record<OutboxEntry['status'], number>> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const e of this.outbox.values()) if (e.connectionId === connectionId) counts[e.status] += 1;
    return counts;
  }
}
