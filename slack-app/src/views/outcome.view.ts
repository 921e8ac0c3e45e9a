import type { CommandOutcome } from '@rapport/core';
import { helpMessage, pipelineMessage, remindMessage } from './command.view.js';
import { chooseDealMessage, dealMessage } from './deal.view.js';
import { findMessage } from './find.view.js';
import type { SlackMessage, ViewContext } from './view-context.js';

/** Any command's outcome as a Slack message. */
export function outcomeMessage(outcome: CommandOutcome, ctx: ViewContext): SlackMessage {
  switch (outcome.kind) {
    case 'find':
      return findMessage(outcome, ctx);
    case 'deal':
      return dealMessage(outcome);
    case 'choose_deal':
      return chooseDealMessage(outcome);
    case 'remind':
      return remindMessage(outcome);
    case 'pipeline':
      return pipelineMessage(outcome);
    case 'help':
      return helpMessage(outcome);
  }
}
