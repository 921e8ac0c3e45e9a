import { deliveredNotices, systemClock, TimeOrderedIds } from '@rapport/core';
import type { noticeRoutes } from '@rapport/http';
import { EXTENSION_CHANNEL } from '../../scheduler/extension-notifier.js';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function noticeHandlers({ store, clock = systemClock }: HttpDeps): Handlers<typeof noticeRoutes> {
  const deps = { store, clock, ids: new TimeOrderedIds() };
  return {
    listNotices: async ({ actor }) => ({ items: await deliveredNotices(deps, actor, EXTENSION_CHANNEL) }),
  };
}
