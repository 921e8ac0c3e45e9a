import { CrmError, WriteMutex, type Store, type UnitOfWork } from '@rapport/core';
import { openRapportDb, type RapportDb } from './idb-schema.js';
import { IdbTx } from './idb-tx.js';
import { IdbAccountRepository } from './repositories/idb-account-repository.js';
import { IdbActivityRepository } from './repositories/idb-activity-repository.js';
import { IdbContactRepository } from './repositories/idb-contact-repository.js';
import { IdbCustomFieldRepository } from './repositories/idb-custom-field-repository.js';
import { IdbDealRepository, IdbPipelineRepository } from './repositories/idb-deal-repository.js';
import { IdbDeliveryRepository, IdbEventRepository, IdbIdempotencyRepository, IdbSettingsRepository } from './repositories/idb-log-repositories.js';
import { IdbTeamRepository, IdbTokenRepository, IdbUserRepository } from './repositories/idb-people-repositories.js';
import { IdbAggregateQueries, IdbSearchQueries } from './repositories/idb-queries.js';
import { IdbReminderRepository } from './repositories/idb-reminder-repository.js';

/**
 * The Store on IndexedDB, for the Gmail extension's local mode: the whole CRM on one machine.
 *
 * A transaction stages its writes and reads through them, then writes them in one IndexedDB
 * readwrite transaction when its work returns; when the work throws, nothing is written.
 * (IndexedDB commits a transaction as soon as its task waits on anything else, so a Store
 * transaction cannot simply hold one open.) Transactions of one IdbStore run one at a time;
 * open one IdbStore per database, in one place (the extension's background worker).
 *
 * It is a `Store`, not an `AnalyticsStore`: targets, campaigns and the report queries live on
 * the hub, so services that need them do not accept this store.
 */
export class IdbStore implements Store {
  readonly kind = 'indexeddb' as const;
  private readonly mutex = new WriteMutex();
  private closed = false;

  private constructor(private readonly db: RapportDb) {}

  /** Opens (creating or upgrading) the database `name` through the global `indexedDB`. */
  static async open(name = 'rapport'): Promise<IdbStore> {
    return new IdbStore(await openRapportDb(name));
  }

  async transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.ensureOpen();
      const tx = new IdbTx(this.db, 'transaction');
      const result = await work(createUnitOfWork(tx));
      await tx.commit();
      return result;
    });
  }

  async read<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    this.ensureOpen();
    return work(createUnitOfWork(new IdbTx(this.db, 'direct')));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.mutex.run(async () => this.db.close());
  }

  private ensureOpen(): void {
    if (this.closed) throw new CrmError('unavailable', 'The local database has been closed.');
  }
}

function createUnitOfWork(tx: IdbTx): UnitOfWork {
  return {
    users: new IdbUserRepository(tx),
    teams: new IdbTeamRepository(tx),
    tokens: new IdbTokenRepository(tx),
    accounts: new IdbAccountRepository(tx),
    contacts: new IdbContactRepository(tx),
    pipelines: new IdbPipelineRepository(tx),
    deals: new IdbDealRepository(tx),
    activities: new IdbActivityRepository(tx),
    reminders: new IdbReminderRepository(tx),
    deliveries: new IdbDeliveryRepository(tx),
    events: new IdbEventRepository(tx),
    idempotency: new IdbIdempotencyRepository(tx),
    settings: new IdbSettingsRepository(tx),
    search: new IdbSearchQueries(tx),
    aggregates: new IdbAggregateQueries(tx),
    customFields: new IdbCustomFieldRepository(tx),
  };
}
