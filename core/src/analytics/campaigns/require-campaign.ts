import { notFound } from '../../shared/errors.js';
import type { UnitOfWork } from '../../store/store.port.js';
import type { Campaign } from './campaign.schema.js';

/** The campaign with this id, or `not_found`. */
export async function requireCampaign(uow: UnitOfWork, id: string): Promise<Campaign> {
  const campaign = await uow.campaigns.get(id);
  if (!campaign) throw notFound('campaign', id);
  return campaign;
}
