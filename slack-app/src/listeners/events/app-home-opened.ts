import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../views/home.view.js';
import { section } from '../../views/mrkdwn.js';
import { identify, type ListenerDeps } from '../deps.js';

export type HomeArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, 'event' | 'client'>;

/** App Home opened: it is drawn fresh from the person's day (events are acked by Bolt before this runs). */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, client }: HomeArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await deps.queue.run(async () => {
      const who = await identify(deps, event.user, client);
      const view = who.ok ? homeView(await deps.services.myDay.myDay(who.actor)) : { type: 'home' as const, blocks: who.message.blocks.length > 0 ? who.message.blocks : [section(who.message.text)] };
      await client.views.publish({ user_id: event.user, view });
    });
  };
}
