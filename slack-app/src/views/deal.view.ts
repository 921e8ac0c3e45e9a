import type { ChooseDealOutcome, DealCandidate, DealOutcome } from '@rapport/core';
import type { types } from '@slack/bolt';
import { money } from './format.js';
import { ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { bold, button, context, esc, section } from './mrkdwn.js';
import type { SlackMessage } from './view-context.js';

/** What a deal command did, and where the deal stands now. */
export function dealMessage(outcome: Pick<DealOutcome, 'deal' | 'changed' | 'stageName' | 'accountName' | 'summary'>): SlackMessage {
  const { deal } = outcome;
  const icon = deal.status === 'won' ? ':trophy:' : deal.status === 'lost' ? ':x:' : outcome.changed ? ':white_check_mark:' : ':information_source:';
  const status = deal.status === 'open' ? esc(outcome.stageName, 60) : deal.status;
  const close = deal.expectedCloseDate ? ` · closes ${deal.expectedCloseDate}` : '';
  return {
    text: esc(outcome.summary, 1000),
    blocks: [
      section(`${icon} ${esc(outcome.summary, 1500)}`, button('Update', ACTIONS.updateDeal, deal.id)),
      context(`${esc(outcome.accountName)} · ${bold(esc(deal.title))} · ${status} · ${money(deal.amount)}${close}`),
    ],
  };
}

/** The value a "Pick" button carries: the command aimed at the deal, or null when it would not fit. */
export function pickValue(candidate: DealCandidate): string | null {
  const value = JSON.stringify(candidate.command);
  return value.length <= LIMITS.buttonValue ? value : null;
}

/** Several open deals matched: nothing changed; one button per deal runs the command on it. */
export function chooseDealMessage(outcome: ChooseDealOutcome): SlackMessage {
  const blocks: types.KnownBlock[] = [section(esc(outcome.summary, 1500))];
  for (const candidate of outcome.candidates) {
    const value = pickValue(candidate);
    const line = `${bold(esc(candidate.deal.title))} · ${esc(candidate.accountName)} · ${esc(candidate.stageName, 60)} · ${money(candidate.amount)}${candidate.yours ? ' · _yours_' : ''}`;
    blocks.push(section(line, value ? button('Pick', ACTIONS.pickDeal, value) : undefined));
  }
  if (outcome.total > outcome.candidates.length) blocks.push(context(`_and ${outcome.total - outcome.candidates.length} more: add a word of the deal's title._`));
  return { text: esc(outcome.summary, 1000), blocks };
}
