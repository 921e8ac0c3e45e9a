import type { analyticsRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

/** The analytics routes: each hands its validated query to one core service. */
export function analyticsHandlers({ services }: HttpDeps): Handlers<typeof analyticsRoutes> {
  const a = services.analytics;
  const team = (teamId: string): string | null => (teamId === 'company' ? null : teamId);
  return {
    pipelineBoard: async ({ actor, query }) => a.pipeline.board(actor, query),
    forecast: async ({ actor, query }) => a.forecast.forecast(actor, query),
    stageTimes: async ({ actor, query }) => a.stages.stageTimes(actor, query),
    staleDeals: async ({ actor, query }) => a.stages.staleDeals(actor, query),
    funnel: async ({ actor, query }) => a.funnel.funnel(actor, query),
    activityReport: async ({ actor, query }) => a.activity.report(actor, query),
    segments: async ({ actor, query }) => a.customers.segments(actor, query),
    churnRisks: async ({ actor, query }) => a.customers.churnRisks(actor, query),
    winLoss: async ({ actor, query }) => a.winLoss.winLoss(actor, query),
    listCampaigns: async ({ actor, query }) => a.campaigns.list(actor, { limit: query.limit, cursor: query.cursor }),
    createCampaign: async ({ actor, body }) => a.campaigns.create(actor, body),
    getCampaign: async ({ actor, params }) => a.campaigns.get(actor, params.id),
    updateCampaign: async ({ actor, params, body, ifMatch }) => a.campaigns.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteCampaign: async ({ actor, params, ifMatch }) => a.campaigns.delete(actor, params.id, { expectedVersion: ifMatch }),
    campaignRoi: async ({ actor, params }) => a.campaigns.roi(actor, params.id),
    listTargets: async ({ actor, query }) => a.targets.report(actor, query),
    createTarget: async ({ actor, body }) => a.targets.create(actor, body),
    getTarget: async ({ actor, params }) => a.targets.get(actor, params.id),
    updateTarget: async ({ actor, params, body, ifMatch }) => a.targets.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteTarget: async ({ actor, params, ifMatch }) => a.targets.delete(actor, params.id, { expectedVersion: ifMatch }),
    getAnalyticsSettings: async ({ actor, params }) => a.settings.get(actor, team(params.teamId)),
    updateAnalyticsSettings: async ({ actor, params, body }) => a.settings.update(actor, team(params.teamId), body),
  };
}
