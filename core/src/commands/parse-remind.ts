import { splitLeadingDue } from '../reminders/due-parser.js';
import { commandError, echo } from './command-error.js';
import type { CommandContext, ParseResult } from './command.schema.js';
import { freeTextOf, keywordOf, tokenize, wordsOf, type Token } from './tokenize.js';

/**
 * `remind [me] <when> <what> [about <customer>]`. The time is read here, in the user's zone,
 * so a time that cannot be read or has passed is reported before anything is saved. The
 * last `about` names the customer; quote the text to keep an "about" in it.
 */

const START_WITH_WHEN = 'Start with when: remind tomorrow 9am call Ann, remind in 2 hours send the deck, or remind 明天上午9点 给华为打电话.';

/** Parses the words after `remind`. */
export function parseRemind(source: string, args: readonly Token[], context: CommandContext): ParseResult {
  const first = keywordOf(args[0]) === 'me' ? 1 : 0;
  const start = args[first];
  if (!start) {
    return commandError('remind', { message: 'Remind you when, and of what?', understood: 'remind', hint: START_WITH_WHEN });
  }
  const split = splitLeadingDue(source.slice(start.start), context);
  if (!split.ok) {
    const missing = split.error.details.reason === 'missing';
    const message = missing ? 'When should it remind you?' : split.error.message;
    return commandError('remind', { message, understood: 'remind', hint: START_WITH_WHEN });
  }
  const understood = `remind ${echo(split.dueText)}`;
  const words = tokenize(split.rest);
  if (words.length === 0) {
    return commandError('remind', {
      message: 'Remind you of what?',
      understood,
      hint: `Say what to do after the time: remind ${split.dueText} call Ann about Acme.`,
    });
  }
  const about = words.findLastIndex((t, i) => i >= 1 && i < words.length - 1 && keywordOf(t) === 'about');
  const what = freeTextOf(split.rest, about === -1 ? words : words.slice(0, about));
  return {
    ok: true,
    command: {
      kind: 'remind',
      at: split.at,
      dueText: split.dueText,
      what,
      about: about === -1 ? null : wordsOf(words.slice(about + 1)),
    },
  };
}
