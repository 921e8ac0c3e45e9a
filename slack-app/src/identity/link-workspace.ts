import type { Services, Store } from '@rapport/core';
import type { webApi } from '@slack/bolt';
import type { SlackLogger } from '../logger.js';

/**
 * Finds the Slack account of every active Rapport user not linked yet, by their email
 * (`users.lookupByEmail`), so reminder DMs reach people before they first use the app. The Web
 * API client waits out Slack's rate limits. Returns how many were linked.
 */
export async function linkWorkspaceUsers(options: { services: Services; store: Store; client: webApi.WebClient; logger: SlackLogger }): Promise<number> {
  const { services, store, client, logger } = options;
  let linked = 0;
  let cursor: string | undefined;
  do {
    const page = await store.read((uow) => uow.users.list({ active: true }, { limit: 200, cursor }));
    for (const user of page.items.filter((u) => u.identities.slackUserId === null)) {
      const found = await client.users.lookupByEmail({ email: user.email }).catch((error: unknown) => {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code !== 'users_not_found') logger.warn('could not look a Rapport user up in Slack', { user: user.id, error: code ?? String(error) });
        return null;
      });
      const slackUserId = found?.user?.id;
      if (!slackUserId) continue;
      const result = await services.identities.linkByEmail('slack', slackUserId, user.email);
      if (result.status === 'linked') linked += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return linked;
}
