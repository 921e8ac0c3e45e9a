import { runText } from '@rapport/core';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandErrorMessage } from '../../views/error.view.js';
import { outcomeMessage } from '../../views/outcome.view.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, viewContext, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { alertsCommand } from './alerts.js';
import { linkCommand } from './link.js';

export type CommandArgs = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'respond' | 'client'>;

/**
 * `/crm <text>`: acks at once, then runs the text through the core's command language as the
 * Rapport user behind the Slack user, and answers with a message only they see. `link` works
 * before a person is known; `alerts` is the admins' channel setting.
 */
export function crmCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    await ack();
    const show = (message: SlackMessage) => respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    const text = command.text.trim();
    const head = text.split(/\s+/)[0]?.toLowerCase() ?? '';
    await reporting(deps, show, async () => {
      if (head === 'link') return void (await show(await linkCommand(deps, command.user_id, text.slice(4).trim())));
      const who = await identify(deps, command.user_id, client);
      if (!who.ok) return void (await show(who.message));
      if (head === 'alerts') return void (await show(await alertsCommand(deps, who.actor, command.channel_id, text.slice(6).trim())));
      const result = await runText(deps, who.actor, text, { now: deps.clock.now(), timeZone: who.actor.user.timeZone });
      await show(result.ok ? outcomeMessage(result.outcome, viewContext(deps, who.actor)) : commandErrorMessage(result.error));
    });
  };
}
