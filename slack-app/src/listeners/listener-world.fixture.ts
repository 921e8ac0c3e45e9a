import { createCommandWorld, type CommandWorld } from '@rapport/core/testing';
import { silentSlackLogger } from '../logger.js';
import type { ListenerDeps, SlackClient } from './deps.js';
import { WorkQueue } from './work-queue.js';

/** Listener deps over the core's command test world (memory store, manual clock), with claims kept in memory. */
export async function listenerWorld(): Promise<{ world: CommandWorld; deps: ListenerDeps }> {
  const world = await createCommandWorld();
  const claimed = new Set<string>();
  const deps: ListenerDeps = {
    services: world.services,
    store: world.store,
    clock: world.clock,
    logger: silentSlackLogger,
    openUrl: (id) => `https://hub.test/slack/open/${id}`,
    queue: new WorkQueue(),
    claimOnce: async (space, key) => (claimed.has(`${space}:${key}`) ? false : (claimed.add(`${space}:${key}`), true)),
  };
  return { world, deps };
}

export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
}

/** A fake Web API client: records calls, knows each Slack user's profile email. */
export function fakeClient(emails: Record<string, string> = {}): { client: SlackClient; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const record = (method: string, answer: (args: Record<string, unknown>) => unknown = () => ({ ok: true })) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    return answer(args);
  };
  const client = {
    users: { info: record('users.info', (a) => ({ ok: true, user: { id: a.user, profile: { email: emails[String(a.user)] } } })) },
    chat: { postMessage: record('chat.postMessage'), postEphemeral: record('chat.postEphemeral'), update: record('chat.update'), getPermalink: record('chat.getPermalink', () => ({ ok: true, permalink: 'https://x.slack.com/archives/C1/p1' })) },
    views: { open: record('views.open'), publish: record('views.publish') },
  };
  // A structural fake: only the methods the listeners call.
  return { client: client as unknown as SlackClient, calls };
}
