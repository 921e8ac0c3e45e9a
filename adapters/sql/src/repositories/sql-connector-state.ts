import { CrmError } from '@rapport/core';
import type { Connection, ConnectionStatus, ConnectorStateRepository, OutboxEntry, OutboxStatus, RemoteKind, RemoteLink, SyncCursor, SyncLeaseClaim } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { CrmConnectionsTable, RemoteLinksTable, SyncCursorsTable, SyncOutboxTable } from '../database-connectors.js';
import { readBool } from '../engine.js';
import { affected } from '../sql-paging.js';

const toConnectionRow = (c: Connection): CrmConnectionsTable => ({
  id: c.id, provider: c.provider, label: c.label, status: c.status, last_error: c.lastError, last_sync_at: c.lastSyncAt,
  lease_owner: c.leaseOwner, lease_until: c.leaseUntil, created_at: c.createdAt, updated_at: c.updatedAt,
});

const toConnection = (r: Selectable<CrmConnectionsTable>): Connection => ({
  id: r.id, provider: r.provider, label: r.label, status: r.status as ConnectionStatus, lastError: r.last_error, lastSyncAt: r.last_sync_at,
  leaseOwner: r.lease_owner, leaseUntil: r.lease_until, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toLink = (r: Selectable<RemoteLinksTable>): RemoteLink => ({
  connectionId: r.connection_id, kind: r.kind as RemoteKind, localId: r.local_id, remoteId: r.remote_id, remoteUrl: r.remote_url, remoteModifiedAt: r.remote_modified_at,
});

const toCursor = (r: Selectable<SyncCursorsTable>): SyncCursor => ({
  connectionId: r.connection_id, object: r.object, cursor: r.cursor, initialDone: readBool(r.initial_done), recordsRead: r.records_read,
  recordsTotal: r.records_total, lastError: r.last_error, updatedAt: r.updated_at,
});

/** Connection state in the `crm_connections`, `remote_links`, `sync_cursors` and `sync_outbox` tables (migration 017). */
export class SqlConnectorState implements ConnectorStateRepository {
  constructor(private readonly ctx: SqlContext) {}

  private toEntry(r: Selectable<SyncOutboxTable>): OutboxEntry {
    return {
      id: r.id, connectionId: r.connection_id, sequence: Number(r.sequence), kind: r.kind as RemoteKind, localId: r.local_id,
      operation: r.operation as OutboxEntry['operation'], changes: this.ctx.engine.readJson<Record<string, unknown>>(r.changes),
      status: r.status as OutboxStatus, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error, createdAt: r.created_at,
    };
  }

  async saveConnection(connection: Connection): Promise<void> {
    const row = toConnectionRow(connection);
    const { id: _id, ...changes } = row;
    await this.ctx.atomic((db) => db.insertInto('crm_connections').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute());
  }

  async getConnection(id: string): Promise<Connection | null> {
    const row = await this.ctx.db.selectFrom('crm_connections').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  async listConnections(): Promise<Connection[]> {
    const rows = await this.ctx.db.selectFrom('crm_connections').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toConnection);
  }

  async deleteConnection(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      for (const table of ['remote_links', 'sync_cursors', 'sync_outbox'] as const) await db.deleteFrom(table).where('connection_id', '=', id).execute();
      await db.deleteFrom('crm_connections').where('id', '=', id).execute();
    });
  }

  /** One conditional UPDATE: PostgreSQL's row lock makes a second claimer re-check the lease after the first commits. */
  async claimSync(connectionId: string, claim: SyncLeaseClaim): Promise<Connection | null> {
    const result = await this.ctx.db
      .updateTable('crm_connections')
      .set({ lease_owner: claim.owner, lease_until: claim.leaseUntil })
      .where('id', '=', connectionId)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', claim.now), eb('lease_owner', '=', claim.owner)]))
      .executeTakeFirst();
    return affected(result) > 0 ? this.getConnection(connectionId) : null;
  }

  async releaseSync(connectionId: string, owner: string): Promise<void> {
    await this.ctx.db.updateTable('crm_connections').set({ lease_owner: null, lease_until: null }).where('id', '=', connectionId).where('lease_owner', '=', owner).execute();
  }

  async saveLink(link: RemoteLink): Promise<void> {
    const holder = await this.findByRemote(link.connectionId, link.kind, link.remoteId);
    if (holder && holder.localId !== link.localId) throw new CrmError('conflict', `The remote ${link.kind} ${link.remoteId} is already linked to another record.`);
    const row = { connection_id: link.connectionId, kind: link.kind, local_id: link.localId, remote_id: link.remoteId, remote_url: link.remoteUrl, remote_modified_at: link.remoteModifiedAt };
    const { connection_id: _c, kind: _k, local_id: _l, ...changes } = row;
    await this.ctx.atomic((db) =>
      db.insertInto('remote_links').values(row).onConflict((oc) => oc.columns(['connection_id', 'kind', 'local_id']).doUpdateSet(changes)).execute(),
    );
  }

  async findByRemote(connectionId: string, kind: RemoteKind, remoteId: string): Promise<RemoteLink | null> {
    const row = await this.ctx.db.selectFrom('remote_links').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).where('remote_id', '=', remoteId).executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async findByLocal(connectionId: string, kind: RemoteKind, localId: string): Promise<RemoteLink | null> {
    const row = await this.ctx.db.selectFrom('remote_links').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).where('local_id', '=', localId).executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async countLinks(connectionId: string): Promise<Partial<Record<RemoteKind, number>>> {
    const rows = await this.ctx.db
      .selectFrom('remote_links')
      .select((eb) => ['kind', eb.fn.countAll().as('n')])
      .where('connection_id', '=', connectionId)
      .groupBy('kind')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  async saveCursor(cursor: SyncCursor): Promise<void> {
    const row = {
      connection_id: cursor.connectionId, object: cursor.object, cursor: cursor.cursor, initial_done: this.ctx.engine.bool(cursor.initialDone),
      records_read: cursor.recordsRead, records_total: cursor.recordsTotal, last_error: cursor.lastError, updated_at: cursor.updatedAt,
    };
    const { connection_id: _c, object: _o, ...changes } = row;
    await this.ctx.atomic((db) => db.insertInto('sync_cursors').values(row).onConflict((oc) => oc.columns(['connection_id', 'object']).doUpdateSet(changes)).execute());
  }

  async listCursors(connectionId: string): Promise<SyncCursor[]> {
    const rows = await this.ctx.db.selectFrom('sync_cursors').selectAll().where('connection_id', '=', connectionId).orderBy('object').execute();
    return rows.map(toCursor);
  }

  /** Numbers the entry after the connection's last; two hubs appending at once get a `conflict` for one of them, which retries. */
  async appendOutbox(entry: Omit<OutboxEntry, 'sequence'>): Promise<OutboxEntry> {
    return this.ctx.atomic(async (db) => {
      const last = await db.selectFrom('sync_outbox').select((eb) => eb.fn.max('sequence').as('last')).where('connection_id', '=', entry.connectionId).executeTakeFirst();
      const stored: OutboxEntry = { ...entry, sequence: Number(last?.last ?? 0) + 1 };
      await db.insertInto('sync_outbox').values(this.toOutboxRow(stored)).execute();
      return stored;
    });
  }

  async nextOutbox(connectionId: string, now: string): Promise<OutboxEntry | null> {
    const row = await this.ctx.db
      .selectFrom('sync_outbox')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .where('status', '=', 'pending')
      .orderBy('sequence')
      .limit(1)
      .executeTakeFirst();
    return row && row.next_attempt_at <= now ? this.toEntry(row) : null;
  }

  async saveOutbox(entry: OutboxEntry): Promise<void> {
    const { id: _id, ...changes } = this.toOutboxRow(entry);
    const result = await this.ctx.db.updateTable('sync_outbox').set(changes).where('id', '=', entry.id).executeTakeFirst();
    if (affected(result) === 0) throw new CrmError('not_found', `Outbox entry ${entry.id} does not exist.`);
  }

  async countOutbox(connectionId: string): Promise<Record<OutboxStatus, number>> {
    const rows = await this.ctx.db
      .selectFrom('sync_outbox')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .where('connection_id', '=', connectionId)
      .groupBy('status')
      .execute();
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const r of rows) counts[r.status as OutboxStatus] = Number(r.n);
    return counts;
  }

  private toOutboxRow(e: OutboxEntry): Insertable<SyncOutboxTable> {
    return {
      id: e.id, connection_id: e.connectionId, sequence: e.sequence, kind: e.kind, local_id: e.localId, operation: e.operation,
      changes: this.ctx.engine.json(e.changes), status: e.status, attempts: e.attempts, next_attempt_at: e.nextAttemptAt,
      last_error: e.lastError, created_at: e.createdAt,
    };
  }
}
