import type { CampaignFilter, CampaignRepository } from '../../analytics/campaigns/campaign.port.js';
import type { TargetFilter, TargetRepository } from '../../analytics/targets/target.port.js';
import type { Campaign } from '../../analytics/campaigns/campaign.schema.js';
import type { Target } from '../../analytics/targets/target.schema.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { MemoryState } from './memory-state.js';
import { byName, sortBy, paginate } from '../record-paging.js';
import { within } from '../record-filters.js';

export class MemoryTargetRepository implements TargetRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Target | null> {
    return this.state.targets.get(id);
  }

  async list(filter: TargetFilter): Promise<Target[]> {
    const rows = this.state.targets
      .all()
      .filter((t) => within(filter.userIds, t.userId) && t.month >= filter.fromMonth && t.month <= filter.toMonth);
    return sortBy(rows, { keyOf: (t) => [t.userId, t.month, t.amount.currency], length: 3 });
  }

  async insert(target: Target): Promise<void> {
    if (this.state.targets.has(target.id)) throw storeConflicts.duplicateId('target', target.id);
    this.assertFree(target);
    this.state.targets.set(target.id, target);
  }

  async update(next: Target): Promise<boolean> {
    const current = this.state.targets.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.assertFree(next);
    this.state.targets.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.state.targets.delete(id);
  }

  private assertFree(target: Target): void {
    const clash = this.state.targets
      .all()
      .find((t) => t.id !== target.id && t.userId === target.userId && t.month === target.month && t.amount.currency === target.amount.currency);
    if (clash) throw storeConflicts.targetTaken(target.userId, target.month, target.amount.currency, clash.id);
  }
}

export class MemoryCampaignRepository implements CampaignRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Campaign | null> {
    return this.state.campaigns.get(id);
  }

  async list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
    const rows = this.state.campaigns.all().filter((c) => within(filter.teamIds, c.teamId));
    return paginate(rows, page, byName<Campaign>());
  }

  async insert(campaign: Campaign): Promise<void> {
    if (this.state.campaigns.has(campaign.id)) throw storeConflicts.duplicateId('campaign', campaign.id);
    this.state.campaigns.set(campaign.id, campaign);
  }

  async update(next: Campaign): Promise<boolean> {
    const current = this.state.campaigns.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.state.campaigns.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.state.campaigns.delete(id);
  }
}
