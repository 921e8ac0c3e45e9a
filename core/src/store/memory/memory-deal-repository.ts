import type { Deal, StageChange } from '../../deals/deal.schema.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { DealFilter, DealRepository } from '../../deals/deal.port.js';
import { paginateRecords } from '../../custom-fields/custom-field-paging.js';
import type { MemoryState } from './memory-state.js';
import { byId, paginate, pickIds, sortBy } from '../record-paging.js';
import { dealMatches } from '../record-filters.js';
import type { DealSort } from '../../deals/deal-sort.schema.js';
import { dealOrdering, latestActivityByDeal } from '../deal-ordering.js';

export class MemoryDealRepository implements DealRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Deal | null> {
    return this.state.deals.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Deal[]> {
    return pickIds(this.state.deals.all(), ids);
  }

  async list(filter: DealFilter, page: PageRequest, sort?: DealSort): Promise<Page<Deal>> {
    const deals = this.state.deals.all().filter((deal) => dealMatches(deal, filter));
    // A built-in order (amount, close date, …) unless the list is sorted by a custom field.
    if (sort && !filter.custom?.sort) {
      const latest = sort.key === 'lastActivityAt' ? latestActivityByDeal(this.state.activities.all()) : new Map<string, string>();
      return paginate(deals, page, dealOrdering(sort, (deal) => latest.get(deal.id) ?? ''));
    }
    return paginateRecords(deals, page, byId<Deal>(), filter.custom?.sort);
  }

  async insert(deal: Deal): Promise<void> {
    if (this.state.deals.has(deal.id)) throw storeConflicts.duplicateId('deal', deal.id);
    this.state.deals.set(deal.id, deal);
  }

  async update(next: Deal): Promise<boolean> {
    const current = this.state.deals.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.state.deals.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.state.deals.delete(id);
    for (const change of this.state.stageChanges.all()) {
      if (change.dealId === id) this.state.stageChanges.delete(change.id);
    }
  }

  async reassignAccount(fromAccountId: string, toAccountId: string, at: string): Promise<number> {
    return this.move((deal) => deal.accountId === fromAccountId, { accountId: toAccountId }, at);
  }

  async reassignContact(fromContactId: string, toContactId: string | null, at: string): Promise<number> {
    return this.move((deal) => deal.primaryContactId === fromContactId, { primaryContactId: toContactId }, at);
  }

  async appendStageChange(change: StageChange): Promise<void> {
    if (this.state.stageChanges.has(change.id)) throw storeConflicts.duplicateId('stage change', change.id);
    this.state.stageChanges.set(change.id, change);
  }

  async stageHistory(dealId: string): Promise<StageChange[]> {
    const changes = this.state.stageChanges.all().filter((change) => change.dealId === dealId);
    return sortBy(changes, { keyOf: (change) => [change.at, change.id], length: 2 });
  }

  private move(match: (deal: Deal) => boolean, patch: Partial<Deal>, at: string): number {
    const moving = this.state.deals.all().filter(match);
    for (const deal of moving) {
      this.state.deals.set(deal.id, { ...deal, ...patch, version: deal.version + 1, updatedAt: at });
    }
    return moving.length;
  }
}
