import type { DealAlert } from '@rapport/core';
import { money } from './format.js';
import { bold, esc, mention, section } from './mrkdwn.js';
import type { SlackMessage } from './view-context.js';

/** Slack user ids of the people on an alert, when they have linked Slack. */
export interface AlertPeople {
  actorSlackId: string | null;
  ownerSlackId: string | null;
}

/**
 * A deal alert for the team channel. The owner is mentioned so they hear about their deal,
 * unless they made the change themselves: nobody is pinged about their own action.
 */
export function alertMessage(alert: DealAlert, people: AlertPeople): SlackMessage {
  const deal = `${bold(esc(alert.deal.title))}${alert.accountName ? ` (${esc(alert.accountName)})` : ''}`;
  const actor = esc(alert.actor?.name ?? 'Rapport', 100);
  const amount = money(alert.deal.amount);
  const sentence =
    alert.kind === 'won'
      ? `:trophy: ${actor} won ${deal} · ${amount}`
      : alert.kind === 'lost'
        ? `:x: ${actor} lost ${deal} · ${amount}${alert.deal.lostReason ? ` · ${esc(alert.deal.lostReason, 200)}` : ''}${alert.deal.competitor ? ` to ${esc(alert.deal.competitor, 100)}` : ''}`
        : `${alert.kind === 'moved_forward' ? ':arrow_forward:' : ':leftwards_arrow_with_hook:'} ${actor} moved ${deal} from ${esc(alert.fromStage ?? '?', 60)} to ${esc(alert.toStage ?? '?', 60)} · ${amount}`;
  const ownerIsActor = alert.owner !== null && alert.actor !== null && alert.owner.id === alert.actor.id;
  const owner = !ownerIsActor && alert.owner ? ` · owner ${people.ownerSlackId && people.ownerSlackId !== people.actorSlackId ? mention(people.ownerSlackId) : esc(alert.owner.name, 100)}` : '';
  return { text: sentence.replace(/:[a-z_]+: /, ''), blocks: [section(`${sentence}${owner}`)] };
}
