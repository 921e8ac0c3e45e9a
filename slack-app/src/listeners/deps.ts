import type { Actor, Clock, Services, AnalyticsStore } from '@rapport/core';
import type { webApi } from '@slack/bolt';
import type { SlackLogger } from '../logger.js';
import { unlinkedMessage } from '../views/error.view.js';
import { homeView } from '../views/home.view.js';
import type { SlackMessage, ViewContext } from '../views/view-context.js';
import type { WorkQueue } from './work-queue.js';

export type SlackClient = webApi.WebClient;

/** What every listener is built with. */
export interface ListenerDeps {
  services: Services;
  store: AnalyticsStore;
  clock: Clock;
  logger: SlackLogger;
  /** A browser link that shows a customer (con_… or acc_…) as `userId` sees it; null when the hub has no public address. */
  openUrl(customerId: string, userId: string): string | null;
  /** True the first time `key` is claimed in `space`, from any hub; false after. */
  claimOnce(space: string, key: string): Promise<boolean>;
  /** Where work after an ack waits for its turn. */
  queue: WorkQueue;
}

export type Identified = { ok: true; actor: Actor } | { ok: false; message: SlackMessage };

/**
 * The Rapport user behind a Slack user: by the kept link, else by their Slack profile email
 * (kept as the link from then on). Anyone Rapport cannot place gets a message saying what to do
 * and can do nothing else.
 */
export async function identify(deps: ListenerDeps, slackUserId: string, client: SlackClient): Promise<Identified> {
  const linked = await deps.services.identities.findLinked('slack', slackUserId);
  if (linked.status === 'linked') return { ok: true, actor: { user: linked.user, surface: 'slack' } };
  if (linked.status !== 'unknown') return { ok: false, message: unlinkedMessage(linked, null) };
  const info = await client.users.info({ user: slackUserId }).catch((error: unknown) => {
    deps.logger.warn('could not read a Slack profile', { user: slackUserId, error: error instanceof Error ? error.message : String(error) });
    return null;
  });
  const email = info?.user?.profile?.email ?? null;
  const result = await deps.services.identities.linkByEmail('slack', slackUserId, email);
  if (result.status === 'linked') return { ok: true, actor: { user: result.user, surface: 'slack' } };
  return { ok: false, message: unlinkedMessage(result, email) };
}

export function viewContext(deps: ListenerDeps, actor: Actor): ViewContext {
  return { timeZone: actor.user.timeZone, now: deps.clock.now(), openUrl: (id) => deps.openUrl(id, actor.user.id) };
}

/**
 * Tells a person the result of something they did in a modal: in the channel it was opened
 * from, visible only to them, or in their DM with the app when that is not possible.
 */
export async function tell(client: SlackClient, userId: string, channel: string | null | undefined, message: SlackMessage): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user: userId, text: message.text, blocks: message.blocks });
      return;
    } catch {
      // Not in that channel any more, or it is gone: fall back to the DM.
    }
  }
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
}

/** Draws App Home again, after something changed from it (a deal or a reminder saved from its buttons). */
export async function refreshHome(deps: ListenerDeps, actor: Actor, slackUserId: string, client: SlackClient): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: homeView(await deps.services.myDay.myDay(actor)) });
}
