import type { Connection, OutboxEntry, RemoteKind, RemoteLink, SyncCursor } from './connector.schema.js';

/** A hub's claim on one connection's sync work. */
export interface SyncLeaseClaim {
  owner: string;
  now: string;
  /** The lease lapses then, so a crashed hub's sync is picked up by another. */
  leaseUntil: string;
}

/**
 * What Rapport keeps about its connections: links between local and remote records, the sync
 * cursors, and the write-back outbox. Rules every implementation keeps:
 * - `saveLink` inserts or replaces the link of (connection, kind, local id); a remote id
 *   linked to another local record of the same kind throws `CrmError('conflict')`.
 * - `claimSync` gives one connection to at most one owner at a time, until its lease lapses.
 * - `appendOutbox` numbers entries in order per connection; `nextOutbox` gives the oldest
 *   pending entry whose attempt is due, and nothing after it while it is pending (order holds).
 */
export interface ConnectorStateRepository {
  saveConnection(connection: Connection): Promise<void>;
  getConnection(id: string): Promise<Connection | null>;
  /** Oldest first. */
  listConnections(): Promise<Connection[]>;
  /** Drops a connection and everything kept for it (links, cursors, outbox). */
  deleteConnection(id: string): Promise<void>;
  /** Returns the connection when this owner now holds its sync, or null when another hub does. */
  claimSync(connectionId: string, claim: SyncLeaseClaim): Promise<Connection | null>;
  releaseSync(connectionId: string, owner: string): Promise<void>;

  saveLink(link: RemoteLink): Promise<void>;
  findByRemote(connectionId: string, kind: RemoteKind, remoteId: string): Promise<RemoteLink | null>;
  findByLocal(connectionId: string, kind: RemoteKind, localId: string): Promise<RemoteLink | null>;
  countLinks(connectionId: string): Promise<Partial<Record<RemoteKind, number>>>;

  saveCursor(cursor: SyncCursor): Promise<void>;
  /** By object name. */
  listCursors(connectionId: string): Promise<SyncCursor[]>;

  /** Stores the entry with the next sequence of its connection and returns it. */
  appendOutbox(entry: Omit<OutboxEntry, 'sequence'>): Promise<OutboxEntry>;
  nextOutbox(connectionId: string, now: string): Promise<OutboxEntry | null>;
  saveOutbox(entry: OutboxEntry): Promise<void>;
  countOutbox(connectionId: string): Promise<Record<OutboxEntry['status'], number>>;
}
