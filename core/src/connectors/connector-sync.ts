import { CrmError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import type { Ids } from '../shared/ids.js';
import type { Store } from '../store/store.port.js';
import { hasConnectors, type ConnectorUnitOfWork } from '../store/connector-unit-of-work.js';
import type { SyncCursor } from './connector.schema.js';
import type { ChangeNotification, CrmConnector, RemoteSchema } from './crm-connector.port.js';
import { linkRemotePipelines } from './remote-deals.js';
import { applyRemoteRecord, defineRemoteFields, type ApplyContext, type ApplyOutcome } from './remote-apply.js';
import type { FieldNames } from './remote-mapping.js';

export interface ConnectorSyncOptions {
  store: Store;
  connector: CrmConnector;
  connectionId: string;
  fields: FieldNames;
  clock: Clock;
  ids: Ids;
  /** This hub's name in the sync lease. */
  hubName: string;
  /** Owner of records whose remote owner is no Rapport user (an admin). */
  fallbackOwnerId: string;
  defaultCurrency?: string;
  /** How long a claimed sync stays this hub's without it finishing; default 5 minutes. */
  leaseMs?: number;
}

export interface SyncRunResult {
  /** False when another hub holds the sync now (nothing was done). */
  ran: boolean;
  counts: Record<ApplyOutcome, number>;
}

/**
 * Runs a connection's sync: takes its lease (one hub at a time), defines custom fields for
 * remote properties, then reads each remote object from its stored cursor, applying each page
 * and its new cursor in one transaction, so an interrupted sync resumes where it stopped and
 * repeats nothing. A refused token marks the connection `revoked`, with the reason, and keeps
 * every record and cursor.
 */
export class ConnectorSync {
  constructor(private readonly options: ConnectorSyncOptions) {}

  async run(): Promise<SyncRunResult> {
    const { connectionId, hubName, clock } = this.options;
    const counts: Record<ApplyOutcome, number> = { created: 0, updated: 0, skipped: 0, unsupported: 0 };
    const now = clock.now();
    const claimed = await this.work((uow) =>
      uow.connectors.claimSync(connectionId, { owner: hubName, now: now.toISOString(), leaseUntil: new Date(now.getTime() + (this.options.leaseMs ?? 300_000)).toISOString() }),
    );
    if (!claimed) return { ran: false, counts };
    try {
      const schema = await this.options.connector.readSchema();
      await this.work(async (uow) => {
        await defineRemoteFields(uow, schema, this.options.ids, clock.now().toISOString());
        await linkRemotePipelines(uow, schema.pipelines, this.applyContext(schema));
      });
      for (const object of schema.objects) await this.syncObject(object, schema, counts);
      await this.setStatus('active', null, true);
      return { ran: true, counts };
    } catch (error) {
      if (error instanceof CrmError && error.code === 'unauthenticated') await this.setStatus('revoked', error.message, false);
      else if (error instanceof CrmError) await this.setStatus('error', error.message, false);
      throw error;
    } finally {
      await this.work((uow) => uow.connectors.releaseSync(connectionId, hubName));
    }
  }

  /** Applies webhook notifications: each named record is read again and merged (a repeat changes nothing). */
  async applyNotifications(notifications: readonly ChangeNotification[]): Promise<Record<ApplyOutcome, number>> {
    const counts: Record<ApplyOutcome, number> = { created: 0, updated: 0, skipped: 0, unsupported: 0 };
    const schema = await this.options.connector.readSchema();
    for (const n of notifications) {
      if (n.change === 'deleted') continue;
      const record = await this.options.connector.readOne(n.object, n.remoteId);
      counts[await this.work((uow) => applyRemoteRecord(uow, record, this.applyContext(schema)))] += 1;
    }
    return counts;
  }

  private async syncObject(object: string, schema: RemoteSchema, counts: Record<ApplyOutcome, number>): Promise<void> {
    const { connectionId } = this.options;
    const cursors = await this.work((uow) => uow.connectors.listCursors(connectionId));
    let state: SyncCursor = cursors.find((c) => c.object === object) ?? {
      connectionId, object, cursor: null, initialDone: false, recordsRead: 0, recordsTotal: null, lastError: null, updatedAt: this.options.clock.now().toISOString(),
    };
    for (;;) {
      const page = await this.options.connector.readChanges(object, state.cursor);
      const ctx = this.applyContext(schema);
      state = await this.work(async (uow) => {
        for (const record of page.records) counts[await applyRemoteRecord(uow, record, ctx)] += 1;
        const next: SyncCursor = {
          ...state, cursor: page.nextCursor, initialDone: state.initialDone || !page.hasMore, recordsRead: state.recordsRead + page.records.length,
          recordsTotal: page.total ?? state.recordsTotal, lastError: null, updatedAt: ctx.now,
        };
        await uow.connectors.saveCursor(next);
        return next;
      });
      if (!page.hasMore) return;
    }
  }

  private applyContext(schema: RemoteSchema): ApplyContext {
    return {
      connectionId: this.options.connectionId,
      mapping: { fields: this.options.fields, properties: schema.properties, owners: schema.owners, pipelines: schema.pipelines, defaultCurrency: this.options.defaultCurrency ?? 'USD' },
      ids: this.options.ids,
      now: this.options.clock.now().toISOString(),
      fallbackOwnerId: this.options.fallbackOwnerId,
    };
  }

  private async setStatus(status: 'active' | 'revoked' | 'error', lastError: string | null, synced: boolean): Promise<void> {
    const now = this.options.clock.now().toISOString();
    await this.work(async (uow) => {
      const connection = await uow.connectors.getConnection(this.options.connectionId);
      if (connection) await uow.connectors.saveConnection({ ...connection, status, lastError, lastSyncAt: synced ? now : connection.lastSyncAt, updatedAt: now });
    });
  }

  private work<T>(fn: (uow: ConnectorUnitOfWork) => Promise<T>): Promise<T> {
    return inConnectorTransaction(this.options.store, fn);
  }
}

/** Runs `fn` in a transaction of a store that keeps connector state; `unavailable` for one that does not. */
export function inConnectorTransaction<T>(store: Store, fn: (uow: ConnectorUnitOfWork) => Promise<T>): Promise<T> {
  return store.transaction(async (uow) => {
    if (!hasConnectors(uow)) throw new CrmError('unavailable', 'This store keeps no connector state: connect a CRM on the hub’s SQLite or PostgreSQL store.');
    return fn(uow);
  });
}
