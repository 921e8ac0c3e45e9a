import type { ActivityFilter } from '@rapport/core';
import type { activityRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function activityHandlers({ services }: HttpDeps): Handlers<typeof activityRoutes> {
  const activities = services.activities;
  return {
    listActivities: async ({ actor, query }) => {
      if (query.externalId) {
        const found = await activities.findByExternalId(actor, query.externalId);
        return { items: found ? [found] : [], nextCursor: null };
      }
      const about = {
        ...(query.contactId ? { contactIds: [query.contactId] } : {}),
        ...(query.accountId ? { accountIds: [query.accountId] } : {}),
        ...(query.dealId ? { dealIds: [query.dealId] } : {}),
      };
      const filter: ActivityFilter = {
        ...(Object.keys(about).length > 0 ? { about } : {}),
        ...(query.authorId ? { authorId: query.authorId } : {}),
        ...(query.type ? { types: query.type } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      };
      return activities.list(actor, filter, { limit: query.limit, cursor: query.cursor });
    },
    logActivity: async ({ actor, body, context }) => {
      const logged = await activities.log(actor, body);
      // A repeat of an already-logged external id is not a creation.
      if (!logged.created) context.set('status', 200);
      return logged;
    },
    getActivity: async ({ actor, params }) => activities.get(actor, params.id),
    deleteActivity: async ({ actor, params }) => activities.delete(actor, params.id),
  };
}
