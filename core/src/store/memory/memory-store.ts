import { CrmError } from '../../shared/errors.js';
import type { AnalyticsStore, AnalyticsUnitOfWork } from '../store.port.js';
import type { ConnectorUnitOfWork } from '../connector-unit-of-work.js';
import { WriteMutex } from '../write-mutex.js';
import { MemoryAccountRepository } from './memory-account-repository.js';
import { MemoryActivityRepository } from './memory-activity-repository.js';
import { MemoryAggregateQueries } from './memory-aggregate-queries.js';
import { MemoryContactRepository } from './memory-contact-repository.js';
import { MemoryDealRepository } from './memory-deal-repository.js';
import { MemoryCustomFieldRepository } from './memory-custom-field-repository.js';
import { MemoryDeliveryRepository } from './memory-delivery-repository.js';
import { MemoryEventRepository } from './memory-event-repository.js';
import { MemoryIdempotencyRepository } from './memory-idempotency-repository.js';
import { MemoryPipelineRepository } from './memory-pipeline-repository.js';
import { MemoryReminderRepository } from './memory-reminder-repository.js';
import { MemorySearchQueries } from './memory-search-queries.js';
import { MemorySettingsRepository } from './memory-settings-repository.js';
import { MemoryData, type MemoryState, type Undo } from './memory-state.js';
import { MemoryTeamRepository } from './memory-team-repository.js';
import { MemoryTokenRepository } from './memory-token-repository.js';
import { MemoryUserRepository } from './memory-user-repository.js';
import { MemoryAnalyticsQueries } from './memory-analytics-queries.js';
import { MemoryCampaignRepository, MemoryTargetRepository } from './memory-target-campaign-repositories.js';
import { MemoryExchangeRateRepository } from './memory-exchange-rate-repository.js';
import { MemoryReportingQueries } from './memory-reporting-queries.js';
import { MemoryConnectorState } from './memory-connector-state.js';

/**
 * Not for production data: it forgets everything on exit.
 *
 * A Store held in plain maps, for unit tests, examples and as the reference the contract suite
 * checks other stores against. Transactions run one at a time and roll back every write when
 * their work throws; reads and writes outside a transaction apply at once. Everything going in
 * or out is copied, so callers never share objects with stored state.
 */
export class MemoryStore implements AnalyticsStore {
  readonly kind = 'memory' as const;
  private readonly data = new MemoryData();
  private readonly mutex = new WriteMutex();
  private readonly direct: AnalyticsUnitOfWork = createMemoryUnitOfWork(this.data.view(null));
  private closed = false;

  async transaction<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.ensureOpen();
      const journal: Undo[] = [];
      try {
        return await work(createMemoryUnitOfWork(this.data.view(journal)));
      } catch (error) {
        for (const undo of journal.reverse()) undo();
        throw error;
      }
    });
  }

  async read<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    this.ensureOpen();
    return work(this.direct);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private ensureOpen(): void {
    if (this.closed) throw new CrmError('unavailable', 'The store has been closed.');
  }
}

function createMemoryUnitOfWork(state: MemoryState): AnalyticsUnitOfWork & ConnectorUnitOfWork {
  return {
    users: new MemoryUserRepository(state),
    teams: new MemoryTeamRepository(state),
    tokens: new MemoryTokenRepository(state),
    accounts: new MemoryAccountRepository(state),
    contacts: new MemoryContactRepository(state),
    pipelines: new MemoryPipelineRepository(state),
    deals: new MemoryDealRepository(state),
    activities: new MemoryActivityRepository(state),
    reminders: new MemoryReminderRepository(state),
    deliveries: new MemoryDeliveryRepository(state),
    events: new MemoryEventRepository(state),
    idempotency: new MemoryIdempotencyRepository(state),
    settings: new MemorySettingsRepository(state),
    search: new MemorySearchQueries(state),
    aggregates: new MemoryAggregateQueries(state),
    customFields: new MemoryCustomFieldRepository(state),
    targets: new MemoryTargetRepository(state),
    campaigns: new MemoryCampaignRepository(state),
    analytics: new MemoryAnalyticsQueries(state),
    exchangeRates: new MemoryExchangeRateRepository(state),
    reporting: new MemoryReportingQueries(state),
    connectors: new MemoryConnectorState(state),
  };
}
