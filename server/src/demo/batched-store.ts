import { CrmError, type AnalyticsStore, type AnalyticsUnitOfWork } from '@rapport/core';

/**
 * A Store for the demo seed: every unit of work a service asks for is the one transaction
 * `batch` holds open on the real store, so thousands of service calls end in one commit
 * instead of one each. A failure inside a batch rolls the whole batch back. Not for a
 * running hub: it serialises nothing and shares one transaction between callers.
 */
export class BatchedStore implements AnalyticsStore {
  private current: AnalyticsUnitOfWork | null = null;

  constructor(private readonly target: AnalyticsStore) {}

  get kind(): AnalyticsStore['kind'] {
    return this.target.kind;
  }

  /** Runs `work` with every unit of work inside one transaction of the real store. */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    return this.target.transaction(async (uow) => {
      this.current = uow;
      try {
        return await work();
      } finally {
        this.current = null;
      }
    });
  }

  async transaction<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    return work(this.open());
  }

  async read<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    return work(this.open());
  }

  /** The real store belongs to whoever opened it; closing this view leaves it open. */
  async close(): Promise<void> {}

  private open(): AnalyticsUnitOfWork {
    if (!this.current) throw new CrmError('unavailable', 'The demo seed wrote outside a batch.');
    return this.current;
  }
}
