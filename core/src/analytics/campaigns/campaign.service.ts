import { recordEvent } from '../../events/record-event.js';
import { isAdmin, isManager } from '../../permissions/permissions.js';
import type { Actor, AnalyticsServiceDeps, WriteOptions } from '../../services/context.js';
import { assertVersion, saveNextVersion } from '../../services/versioned.js';
import { conflict, forbidden, invalidInput } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import { PageRequest, type Page } from '../../shared/page.js';
import { parseInput } from '../../shared/validate.js';
import type { User } from '../../users/user.schema.js';
import { campaignRoi, type CampaignRoi } from './campaign-roi.js';
import type { Campaign } from './campaign.schema.js';
import { CampaignInput, CampaignPatch } from './campaign.schema.js';
import { requireCampaign } from './require-campaign.js';
import { campaignReporting } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';
import { localDate } from '../../shared/time-zone.js';

/** A manager runs their own team's campaigns; an admin any, company-wide ones included. */
function assertMayManage(actor: User, teamId: string | null): void {
  if (isAdmin(actor)) return;
  if (isManager(actor) && actor.teamId !== null && teamId === actor.teamId) return;
  throw forbidden(
    isManager(actor)
      ? 'You can manage your own team\'s campaigns; company-wide ones and other teams\' are managed by an admin.'
      : 'Campaigns are managed by managers (for their team) and admins.',
  );
}

/**
 * Marketing campaigns deals name as their source. Everyone reads them (a rep picks one on a
 * deal); managers and admins create and change them; ROI is for managers (their team's and
 * company-wide campaigns) and admins.
 */
export class CampaignService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async list(_actor: Actor, page: PageRequest): Promise<Page<Campaign>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => uow.campaigns.list({}, request));
  }

  async get(_actor: Actor, id: string): Promise<Campaign> {
    return this.deps.store.read((uow) => requireCampaign(uow, id));
  }

  async create(actor: Actor, input: CampaignInput): Promise<Campaign> {
    const data = parseInput(CampaignInput, input, 'campaign');
    return this.deps.store.transaction(async (uow) => {
      const teamId = data.teamId !== undefined ? data.teamId : isAdmin(actor.user) ? null : actor.user.teamId;
      assertMayManage(actor.user, teamId);
      if (teamId !== null && !(await uow.teams.get(teamId))) throw invalidInput(`No team with id ${teamId}.`, [{ path: 'teamId', message: 'Unknown team.' }]);
      const now = this.deps.clock.now().toISOString();
      const campaign: Campaign = {
        id: this.deps.ids.next('campaign'),
        name: data.name,
        channel: data.channel,
        cost: data.cost,
        startDate: data.startDate,
        endDate: data.endDate,
        teamId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await uow.campaigns.insert(campaign);
      await recordEvent(uow, this.deps, actor, { type: 'campaign.created', entityType: 'campaign', entityId: campaign.id, after: campaign });
      return campaign;
    });
  }

  async update(actor: Actor, id: string, patch: CampaignPatch, options: WriteOptions = {}): Promise<Campaign> {
    const data = parseInput(CampaignPatch, patch, 'campaign change');
    return this.deps.store.transaction(async (uow) => {
      const campaign = await requireCampaign(uow, id);
      assertVersion(campaign, options.expectedVersion, 'campaign');
      assertMayManage(actor.user, campaign.teamId);
      const changes = definedOnly(data) as Partial<Campaign>;
      const merged = { ...campaign, ...changes };
      if (merged.endDate !== null && merged.endDate < merged.startDate) {
        throw invalidInput('The end date cannot be before the start date.', [{ path: 'endDate', message: `Before ${merged.startDate}.` }]);
      }
      const next = await saveNextVersion<Campaign>((c) => uow.campaigns.update(c), campaign, changes, this.deps.clock.now().toISOString(), 'campaign');
      await recordEvent(uow, this.deps, actor, { type: 'campaign.updated', entityType: 'campaign', entityId: id, before: campaign, after: next });
      return next;
    });
  }

  /** Refused while deals name the campaign as their source: their figures would lose it. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const campaign = await requireCampaign(uow, id);
      assertVersion(campaign, options.expectedVersion, 'campaign');
      assertMayManage(actor.user, campaign.teamId);
      const sourced = await uow.deals.list({ campaignId: id }, { limit: 1 });
      if (sourced.items.length > 0) {
        throw conflict(`Deals name "${campaign.name}" as their source, so it stays. Change those deals' campaign first (GET /api/v1/deals?campaignId=${id}).`, { campaignId: id });
      }
      await uow.campaigns.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'campaign.deleted', entityType: 'campaign', entityId: id, before: campaign });
    });
  }

  async roi(actor: Actor, id: string): Promise<CampaignRoi> {
    return this.deps.store.read(async (uow) => {
      const campaign = await requireCampaign(uow, id);
      const allowed = isAdmin(actor.user) || (isManager(actor.user) && (campaign.teamId === null || campaign.teamId === actor.user.teamId));
      if (!allowed) throw forbidden('Campaign ROI is for managers (their team\'s and company-wide campaigns) and admins.');
      const totals = await uow.analytics.campaignTotals(id);
      const today = localDate(this.deps.clock.now(), actor.user.timeZone);
      const rates = await loadRateTable(uow, today);
      const wonByDay = rates ? await uow.reporting.closedByDay({ statuses: ['won'], campaignId: id }) : [];
      return campaignRoi(campaign, totals, rates && campaignReporting(rates, campaign, totals, wonByDay, today));
    });
  }
}
