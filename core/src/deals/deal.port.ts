import type { CustomFieldQuery } from '../custom-fields/custom-field-query.port.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { Deal, DealStatus, StageChange } from './deal.schema.js';
import type { DealSort } from './deal-sort.schema.js';

export interface DealFilter {
  accountId?: string;
  primaryContactId?: string;
  ownerIds?: readonly string[];
  statuses?: readonly DealStatus[];
  pipelineId?: string;
  stageId?: string;
  campaignId?: string;
  /** Expected close date range, inclusive, calendar dates. */
  closeFrom?: string;
  closeTo?: string;
  /** Conditions on custom field values, and a custom field to sort by instead of the usual order. */
  custom?: CustomFieldQuery;
}

export interface DealRepository {
  get(id: string): Promise<Deal | null>;
  getMany(ids: readonly string[]): Promise<Deal[]>;
  /** Ordered by id (creation order), or by `sort` then id (see deal-sort.ts); cursors belong to one order. */
  list(filter: DealFilter, page: PageRequest, sort?: DealSort): Promise<Page<Deal>>;
  insert(deal: Deal): Promise<void>;
  update(next: Deal): Promise<boolean>;
  /** Also removes the deal's stage history. */
  delete(id: string): Promise<void>;
  /** Merges: moves deals to another account / primary contact, bumping version and updatedAt. */
  reassignAccount(fromAccountId: string, toAccountId: string, at: string): Promise<number>;
  reassignContact(fromContactId: string, toContactId: string | null, at: string): Promise<number>;
  appendStageChange(change: StageChange): Promise<void>;
  /** Oldest first (by `at`, then id). */
  stageHistory(dealId: string): Promise<StageChange[]>;
}
