import { COMMAND_NAMES, type CommandName } from './command.schema.js';

/** What a surface shows for one command: its usage line, one sentence, and examples that parse. */
export interface CommandHelp {
  usage: string;
  summary: string;
  examples: readonly string[];
}

export const DEAL_ACTIONS_HINT =
  'Add an action: stage <stage>, amount <n>, close <date>, win, lose <reason> or note <text>.';

export const HELP: Readonly<Record<CommandName, CommandHelp>> = {
  find: {
    usage: 'find <query>',
    summary: 'Look up accounts, contacts and deals by name, email or web domain.',
    examples: ['find acme', 'find ann@acme.com', 'find 华为'],
  },
  deal: {
    usage: 'deal <deal> stage <stage> | amount <amount> | close <date> | win | lose <reason> [to <competitor>] | note <text>',
    summary: 'Move a deal to a stage, change its amount or close date, win or lose it, or add a note.',
    examples: [
      'deal acme stage proposal',
      'deal acme corp amount 12.5k',
      'deal acme close next friday',
      'deal acme win',
      'deal acme lose price to Globex',
      'deal "Acme stage one" note sent the revised quote',
    ],
  },
  remind: {
    usage: 'remind <when> <what> [about <customer>]',
    summary: 'Set yourself a reminder; the time is read in your time zone.',
    examples: ['remind tomorrow 9am call Ann about Acme', 'remind in 2 hours send the deck', 'remind 明天上午9点 给华为打电话'],
  },
  pipeline: {
    usage: 'pipeline [mine|team]',
    summary: "Show open deals by stage: yours (the default) or your team's.",
    examples: ['pipeline', 'pipeline team'],
  },
  help: {
    usage: 'help [command]',
    summary: 'List the commands, or show how to use one.',
    examples: ['help', 'help deal'],
  },
};

/** Every usage line, one per command. */
export const ALL_USAGE = COMMAND_NAMES.map((name) => HELP[name].usage).join('\n');

/** Help as plain text, for the CLI and any surface without richer formatting. */
export function formatHelp(topic: CommandName | null = null): string {
  if (topic === null) {
    const lines = COMMAND_NAMES.map((name) => `  ${HELP[name].usage}\n      ${HELP[name].summary}`);
    return ['Commands:', ...lines, '', 'Type "help <command>" for examples.'].join('\n');
  }
  const help = HELP[topic];
  return [help.usage, '', help.summary, '', 'Examples:', ...help.examples.map((e) => `  ${e}`)].join('\n');
}
