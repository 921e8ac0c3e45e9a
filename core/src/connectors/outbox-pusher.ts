import { CrmError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import type { Store } from '../store/store.port.js';
import type { ConnectorUnitOfWork } from '../store/connector-unit-of-work.js';
import { inConnectorTransaction } from './connector-sync.js';
import type { OutboxEntry } from './connector.schema.js';
import type { CrmConnector, RemoteSchema } from './crm-connector.port.js';
import { fromMinorUnits, type FieldNames } from './remote-mapping.js';
import { stageIdFor } from './remote-deals.js';

export interface OutboxPusherOptions {
  store: Store;
  connector: CrmConnector;
  connectionId: string;
  fields: FieldNames;
  clock: Clock;
  /** Pushes tried before an entry is given up as failed; default 8. */
  maxAttempts?: number;
}

/** What one `pushDue` did. */
export interface PushResult { pushed: number; failed: number; retrying: number }

const backoffMs = (attempts: number): number => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Pushes a connection's outbox to the remote CRM in order. A refusal of the change itself (a
 * required remote property missing) marks the entry failed with the remote's words, for the
 * card to show with a retry; a busy or unreachable remote is retried with backoff, holding the
 * entries after it; a refused token stops the push and marks the connection revoked.
 */
export class OutboxPusher {
  constructor(private readonly options: OutboxPusherOptions) {}

  async pushDue(schema: RemoteSchema): Promise<PushResult> {
    const result: PushResult = { pushed: 0, failed: 0, retrying: 0 };
    for (;;) {
      const now = this.options.clock.now().toISOString();
      const entry = await this.work((uow) => uow.connectors.nextOutbox(this.options.connectionId, now));
      if (!entry) return result;
      const outcome = await this.pushOne(entry, schema, now);
      result[outcome] += 1;
      if (outcome === 'retrying') return result;
    }
  }

  private async pushOne(entry: OutboxEntry, schema: RemoteSchema, now: string): Promise<keyof PushResult> {
    try {
      const link = await this.work((uow) => uow.connectors.findByLocal(entry.connectionId, entry.kind, entry.localId));
      if (entry.operation === 'update' && !link) throw new CrmError('invalid_input', `This ${entry.kind} is not linked to a remote record, so its change cannot be written back.`);
      const written = await this.options.connector.write({ kind: entry.kind, remoteId: link?.remoteId ?? null, properties: this.remoteProperties(entry, schema), associations: {} });
      await this.work(async (uow) => {
        await uow.connectors.saveOutbox({ ...entry, status: 'done', attempts: entry.attempts + 1, lastError: null });
        await uow.connectors.saveLink({ connectionId: entry.connectionId, kind: entry.kind, localId: entry.localId, remoteId: written.remoteId, remoteUrl: written.url ?? link?.remoteUrl ?? null, remoteModifiedAt: written.modifiedAt });
      });
      return 'pushed';
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      const attempts = entry.attempts + 1;
      const final = error.code === 'invalid_input' || error.code === 'not_found' || error.code === 'forbidden' || attempts >= (this.options.maxAttempts ?? 8);
      await this.work(async (uow) => {
        await uow.connectors.saveOutbox({ ...entry, attempts, status: final ? 'failed' : 'pending', lastError: error.message, nextAttemptAt: new Date(Date.parse(now) + backoffMs(attempts)).toISOString() });
        if (error.code === 'unauthenticated') {
          const connection = await uow.connectors.getConnection(entry.connectionId);
          if (connection) await uow.connectors.saveConnection({ ...connection, status: 'revoked', lastError: error.message, updatedAt: now });
        }
      });
      return final ? 'failed' : 'retrying';
    }
  }

  /** A deal's changed fields as the remote's properties (stage and status by the remote pipeline's stage ids). */
  private remoteProperties(entry: OutboxEntry, schema: RemoteSchema): Record<string, string | null> {
    const changes = entry.changes;
    if (entry.kind !== 'deal') return Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === null ? null : String(value)]));
    const f = this.options.fields.deal;
    const properties: Record<string, string | null> = {};
    const stages = schema.pipelines.flatMap((p) => p.stages);
    if (typeof changes.stageId === 'string') properties[f.stage] = stages.find((s) => stageIdFor(s.remoteId) === changes.stageId)?.remoteId ?? changes.stageId;
    if (changes.status === 'won' || changes.status === 'lost') {
      const closing = stages.find((s) => s.closed === changes.status);
      if (closing) properties[f.stage] = closing.remoteId;
    }
    const amount = changes.amount as { minor: number; currency: string } | undefined;
    if (amount) properties[f.amount] = fromMinorUnits(amount.minor, amount.currency);
    if (changes.expectedCloseDate !== undefined) properties[f.closeDate] = typeof changes.expectedCloseDate === 'string' ? changes.expectedCloseDate : null;
    if (typeof changes.title === 'string') properties[f.title] = changes.title;
    return properties;
  }

  private work<T>(fn: (uow: ConnectorUnitOfWork) => Promise<T>): Promise<T> {
    return inConnectorTransaction(this.options.store, fn);
  }
}
