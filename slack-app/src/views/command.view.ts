import type { HelpOutcome, PipelineOutcome, RemindOutcome } from '@rapport/core';
import type { types } from '@slack/bolt';
import { money, plural } from './format.js';
import { rowsThatFit } from './limits.js';
import { bold, context, divider, esc, header, section } from './mrkdwn.js';
import type { SlackMessage } from './view-context.js';

export function remindMessage(outcome: RemindOutcome): SlackMessage {
  const icon = outcome.about !== null && outcome.linked === null ? ':warning:' : ':alarm_clock:';
  return { text: esc(outcome.summary, 1000), blocks: [section(`${icon} ${esc(outcome.summary, 1500)}`)] };
}

const amounts = (rows: ReadonlyArray<{ currency: string; amountMinor: number; weightedMinor: number }>): string =>
  rows.length === 0 ? '—' : rows.map((r) => `${money({ minor: r.amountMinor, currency: r.currency })} (weighted ${money({ minor: r.weightedMinor, currency: r.currency })})`).join(' · ');

/** Stage totals per currency, then the stale deals when the analytics supplies them. */
export function pipelineMessage(outcome: PipelineOutcome): SlackMessage {
  const { board } = outcome;
  const blocks: types.KnownBlock[] = [header(board.pipelineName), section(esc(outcome.summary, 1500))];
  const stageLines = board.stages.map((s) => `${bold(esc(s.stageName, 60))} · ${plural(s.count, 'deal')} · ${amounts(s.byCurrency)}`);
  blocks.push(section(stageLines.join('\n')));
  if (board.staleDeals.length > 0) {
    blocks.push(divider(), section(`*Stale deals* (${board.staleDeals.length})`));
    const shown = board.staleDeals.slice(0, rowsThatFit(blocks.length, 1));
    for (const d of shown) blocks.push(section(`${bold(esc(d.deal.title))} · ${esc(d.stageName, 60)} · ${money(d.deal.amount)} · ${plural(d.daysInStage, 'day')} in stage`));
    if (board.staleDeals.length > shown.length) blocks.push(context(`_and ${board.staleDeals.length - shown.length} more_`));
  }
  return { text: esc(outcome.summary, 1000), blocks };
}

export function helpMessage(outcome: HelpOutcome): SlackMessage {
  const blocks: types.KnownBlock[] = [section(esc(outcome.summary, 1000))];
  for (const entry of outcome.entries) {
    const examples = entry.examples.map((e) => `\`/crm ${esc(e, 200)}\``).join('  ');
    blocks.push(section(`\`/crm ${esc(entry.usage, 400)}\`\n${esc(entry.summary, 400)}${outcome.topic ? `\n${examples}` : ''}`));
  }
  if (outcome.topic === null) blocks.push(context('`/crm link <code>` links your Slack account when your emails differ · admins: `/crm alerts here|off|min <amount>`'));
  return { text: esc(outcome.summary, 1000), blocks };
}
