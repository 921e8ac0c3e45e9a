import type { FindOutcome, LookupMatch } from '@rapport/core';
import type { types } from '@slack/bolt';
import { cardMessage } from './card.view.js';
import { ACTIONS } from './ids.js';
import { bold, button, context, esc, section } from './mrkdwn.js';
import type { SlackMessage, ViewContext } from './view-context.js';

export const matchId = (match: LookupMatch): string => (match.kind === 'contact' ? match.contact.id : match.account.id);

function matchLine(match: LookupMatch): string {
  if (match.kind === 'account') {
    const web = match.account.domains[0] ? ` · ${esc(match.account.domains[0], 100)}` : '';
    return `:office: ${bold(esc(match.account.name))}${web}`;
  }
  const at = match.account ? ` at ${esc(match.account.name)}` : '';
  const email = match.contact.emails[0] ? ` · ${esc(match.contact.emails[0], 200)}` : '';
  return `:bust_in_silhouette: ${bold(esc(match.contact.name))}${at}${email}`;
}

/** `find`: the card when one customer is clearly meant, else a short list to pick from. */
export function findMessage(outcome: FindOutcome, ctx: ViewContext): SlackMessage {
  if (outcome.card) {
    const message = cardMessage(outcome.card, ctx);
    const others = outcome.matches.length - 1;
    if (others > 0) message.blocks.push(context(`${others === 1 ? '1 other match' : `${others} other matches`} for “${esc(outcome.query, 200)}”: type \`/crm find\` with more of the name.`));
    return message;
  }
  if (outcome.matches.length === 0) return { text: esc(outcome.summary, 1000), blocks: [section(esc(outcome.summary, 1000))] };
  const blocks: types.KnownBlock[] = [section(esc(outcome.summary, 1000))];
  for (const match of outcome.matches) blocks.push(section(matchLine(match), button('Show', ACTIONS.pickCustomer, matchId(match))));
  return { text: esc(outcome.summary, 1000), blocks };
}
