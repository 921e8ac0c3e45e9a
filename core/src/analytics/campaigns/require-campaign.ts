import { CrmError, notFound } from '../../shared/errors.js';
import { hasAnalytics, type AnalyticsUnitOfWork, type UnitOfWork } from '../../store/store.port.js';
import type { Campaign } from './campaign.schema.js';

/** The campaign with this id, or `not_found`. */
export async function requireCampaign(uow: AnalyticsUnitOfWork, id: string): Promise<Campaign> {
  const campaign = await uow.campaigns.get(id);
  if (!campaign) throw notFound('campaign', id);
  return campaign;
}

/**
 * Checks the campaign a deal names as its source. A store without analytics (the browser's
 * local store) keeps no campaigns, so a deal there cannot name one: `unavailable`.
 */
export async function requireDealCampaign(uow: UnitOfWork, id: string): Promise<void> {
  if (!hasAnalytics(uow)) throw new CrmError('unavailable', 'Campaigns are kept on the hub, not in this local store. Connect to a hub to name a deal\'s campaign.');
  await requireCampaign(uow, id);
}
