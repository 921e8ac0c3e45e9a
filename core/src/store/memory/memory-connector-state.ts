import { CrmError } from '../../shared/errors.js';
import { compareCodePoints } from '../../shared/text.js';
import type { ConnectorStateRepository, SyncLeaseClaim } from '../../connectors/connector-state.port.js';
import type { Connection, OutboxEntry, RemoteKind, RemoteLink, SyncCursor } from '../../connectors/connector.schema.js';
import type { MemoryState } from './memory-state.js';

const linkKey = (connectionId: string, kind: RemoteKind, localId: string): string => JSON.stringify([connectionId, kind, localId]);

/** Connector state in the memory store's tables, so it rolls back with the transaction it was written in. */
export class MemoryConnectorState implements ConnectorStateRepository {
  constructor(private readonly state: MemoryState) {}

  async saveConnection(connection: Connection): Promise<void> {
    this.state.connections.set(connection.id, connection);
  }

  async getConnection(id: string): Promise<Connection | null> {
    return this.state.connections.get(id);
  }

  async listConnections(): Promise<Connection[]> {
    return this.state.connections.all().sort((a, b) => compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id));
  }

  async deleteConnection(id: string): Promise<void> {
    this.state.connections.delete(id);
    for (const link of this.state.remoteLinks.all()) if (link.connectionId === id) this.state.remoteLinks.delete(linkKey(id, link.kind, link.localId));
    for (const c of this.state.syncCursors.all()) if (c.connectionId === id) this.state.syncCursors.delete(JSON.stringify([id, c.object]));
    for (const e of this.state.syncOutbox.all()) if (e.connectionId === id) this.state.syncOutbox.delete(e.id);
  }

  async claimSync(connectionId: string, claim: SyncLeaseClaim): Promise<Connection | null> {
    const found = this.state.connections.get(connectionId);
    if (!found) return null;
    const free = found.leaseUntil === null || found.leaseUntil <= claim.now || found.leaseOwner === claim.owner;
    if (!free) return null;
    const claimed = { ...found, leaseOwner: claim.owner, leaseUntil: claim.leaseUntil };
    this.state.connections.set(connectionId, claimed);
    return claimed;
  }

  async releaseSync(connectionId: string, owner: string): Promise<void> {
    const found = this.state.connections.get(connectionId);
    if (found?.leaseOwner === owner) this.state.connections.set(connectionId, { ...found, leaseOwner: null, leaseUntil: null });
  }

  async saveLink(link: RemoteLink): Promise<void> {
    const holder = await this.findByRemote(link.connectionId, link.kind, link.remoteId);
    if (holder && holder.localId !== link.localId) throw new CrmError('conflict', `The remote ${link.kind} ${link.remoteId} is already linked to another record.`);
    this.state.remoteLinks.set(linkKey(link.connectionId, link.kind, link.localId), link);
  }

  async findByRemote(connectionId: string, kind: RemoteKind, remoteId: string): Promise<RemoteLink | null> {
    return this.state.remoteLinks.all().find((l) => l.connectionId === connectionId && l.kind === kind && l.remoteId === remoteId) ?? null;
  }

  async findByLocal(connectionId: string, kind: RemoteKind, localId: string): Promise<RemoteLink | null> {
    return this.state.remoteLinks.get(linkKey(connectionId, kind, localId));
  }

  async countLinks(connectionId: string): Promise<Partial<Record<RemoteKind, number>>> {
    const counts: Partial<Record<RemoteKind, number>> = {};
    for (const link of this.state.remoteLinks.all()) if (link.connectionId === connectionId) counts[link.kind] = (counts[link.kind] ?? 0) + 1;
    return counts;
  }

  async saveCursor(cursor: SyncCursor): Promise<void> {
    this.state.syncCursors.set(JSON.stringify([cursor.connectionId, cursor.object]), cursor);
  }

  async listCursors(connectionId: string): Promise<SyncCursor[]> {
    return this.state.syncCursors.all().filter((c) => c.connectionId === connectionId).sort((a, b) => compareCodePoints(a.object, b.object));
  }

  async appendOutbox(entry: Omit<OutboxEntry, 'sequence'>): Promise<OutboxEntry> {
    if (this.state.syncOutbox.has(entry.id)) throw new CrmError('conflict', `Outbox entry ${entry.id} already exists.`);
    const last = Math.max(0, ...this.entriesOf(entry.connectionId).map((e) => e.sequence));
    const stored = { ...entry, sequence: last + 1 };
    this.state.syncOutbox.set(entry.id, stored);
    return stored;
  }

  async nextOutbox(connectionId: string, now: string): Promise<OutboxEntry | null> {
    const pending = this.entriesOf(connectionId).filter((e) => e.status === 'pending').sort((a, b) => a.sequence - b.sequence)[0];
    return pending && pending.nextAttemptAt <= now ? pending : null;
  }

  async saveOutbox(entry: OutboxEntry): Promise<void> {
    if (!this.state.syncOutbox.has(entry.id)) throw new CrmError('not_found', `Outbox entry ${entry.id} does not exist.`);
    this.state.syncOutbox.set(entry.id, entry);
  }

  async countOutbox(connectionId: string): Promise<Record<OutboxEntry['status'], number>> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const e of this.entriesOf(connectionId)) counts[e.status] += 1;
    return counts;
  }

  private entriesOf(connectionId: string): OutboxEntry[] {
    return this.state.syncOutbox.all().filter((e) => e.connectionId === connectionId);
  }
}
