import { commandError, echo } from './command-error.js';
import { COMMAND_NAMES, CommandName, PipelineScope, type CommandContext, type ParseResult } from './command.schema.js';
import { parseDeal } from './parse-deal.js';
import { parseRemind } from './parse-remind.js';
import { closestCommands } from './suggest.js';
import { freeTextOf, keywordOf, tokenize, wordsOf, type Token } from './tokenize.js';

/**
 * Reads one command of the command language (see HELP). Keywords are matched without regard
 * to case; names, notes and reminders may be in any script. An empty command asks for help.
 * Never throws for anything a user types: a problem comes back as a CommandError.
 */
export function parseCommand(text: string, context: CommandContext): ParseResult {
  const tokens = tokenize(text);
  const [head, ...args] = tokens;
  if (!head) return { ok: true, command: { kind: 'help', topic: null } };

  const word = keywordOf(head) ?? head.value;
  const name = CommandName.safeParse(word);
  if (!name.success) return unknownCommand(word);
  switch (name.data) {
    case 'find':
      return parseFind(text, args);
    case 'deal':
      return parseDeal(text, args, context);
    case 'remind':
      return parseRemind(text, args, context);
    case 'pipeline':
      return parsePipeline(args);
    case 'help':
      return parseHelp(args);
  }
}

const COMMAND_LIST = `Commands: ${COMMAND_NAMES.join(', ')}.`;

function didYouMean(word: string): { hint: string; suggestions: CommandName[] } {
  const suggestions = closestCommands(word);
  const best = suggestions[0];
  return { hint: best ? `Did you mean "${best}"? ${COMMAND_LIST}` : COMMAND_LIST, suggestions };
}

function unknownCommand(word: string): ParseResult {
  return commandError(null, { message: `"${word}" is not a command.`, ...didYouMean(word) });
}

function parseFind(source: string, args: readonly Token[]): ParseResult {
  const query = freeTextOf(source, args);
  if (query === '') {
    return commandError('find', { message: 'Find what?', understood: 'find', hint: 'Add a name, email or web domain: find acme.' });
  }
  return { ok: true, command: { kind: 'find', query } };
}

function parsePipeline(args: readonly Token[]): ParseResult {
  const hint = 'Type pipeline (your deals) or pipeline team.';
  if (args.length > 1) {
    return commandError('pipeline', { message: `Only one word goes after pipeline (got ${echo(wordsOf(args))}).`, understood: 'pipeline', hint });
  }
  const [arg] = args;
  if (!arg) return { ok: true, command: { kind: 'pipeline', scope: 'mine' } };
  const scope = PipelineScope.safeParse(keywordOf(arg));
  if (!scope.success) {
    return commandError('pipeline', { message: `"${arg.value}" is not a pipeline view.`, understood: 'pipeline', hint });
  }
  return { ok: true, command: { kind: 'pipeline', scope: scope.data } };
}

function parseHelp(args: readonly Token[]): ParseResult {
  const [arg] = args;
  if (!arg) return { ok: true, command: { kind: 'help', topic: null } };
  const word = keywordOf(arg) ?? arg.value;
  const topic = CommandName.safeParse(word);
  if (!topic.success) {
    return commandError('help', { message: `There is no "${word}" command.`, understood: 'help', ...didYouMean(word) });
  }
  return { ok: true, command: { kind: 'help', topic: topic.data } };
}
