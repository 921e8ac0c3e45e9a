import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';

/**
 * Global middleware: an Events API delivery Slack sends again (X-Slack-Retry-Num, same
 * event_id) is dropped when any hub has handled it already. Bolt acks events before this runs.
 */
export function dropRepeatedEvents(deps: Pick<ListenerDeps, 'claimOnce' | 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.claimOnce('event', eventId))) {
      deps.logger.debug('dropped a repeated Slack event', { eventId, retryNum: context.retryNum });
      return;
    }
    await next();
  };
}
