import type { Page, PageRequest } from '../../shared/page.js';
import type { Campaign } from './campaign.schema.js';

export interface CampaignFilter {
  /** Campaigns of these teams; `null` in the list stands for company-wide campaigns. */
  teamIds?: ReadonlyArray<string | null>;
}

export interface CampaignRepository {
  get(id: string): Promise<Campaign | null>;
  /** Ordered by name (sortKey), then id. */
  list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>>;
  insert(campaign: Campaign): Promise<void>;
  update(next: Campaign): Promise<boolean>;
  delete(id: string): Promise<void>;
}
