import type { Actor } from '../services/context.js';
import { COMMAND_NAMES, type Command, type CommandError, type CommandName } from './command.schema.js';
import type { CommandDeps, CommandOutcome, HelpOutcome, RunContext } from './command-outcome.js';
import { HELP } from './help.js';
import { parseCommand } from './parse-command.js';
import { runDeal } from './run-deal.js';
import { runFind } from './run-find.js';
import { runPipeline } from './run-pipeline.js';
import { runRemind } from './run-remind.js';

/**
 * Runs a parsed command as `actor` and says what happened, as data (see CommandOutcome).
 * Every change goes through the services, so a command may do exactly what the same person
 * may do anywhere else. A failure is thrown as a CrmError whose message says what to type
 * or do instead; the services' own errors (a `forbidden` deal, a `conflict` on a won deal)
 * come through unchanged.
 */
export async function runCommand(deps: CommandDeps, actor: Actor, command: Command, context: RunContext): Promise<CommandOutcome> {
  switch (command.kind) {
    case 'find':
      return runFind(deps, actor, command);
    case 'deal':
      return runDeal(deps, actor, command);
    case 'remind':
      return runRemind(deps, actor, command, context);
    case 'pipeline':
      return runPipeline(deps, actor, command, context);
    case 'help':
      return runHelp(command.topic);
  }
}

/** `help [command]` as data: the usage, sentence and examples of one command or of all. */
export function runHelp(topic: CommandName | null): HelpOutcome {
  const names = topic === null ? [...COMMAND_NAMES] : [topic];
  const summary = topic === null ? `Commands: ${COMMAND_NAMES.join(', ')}. Type help <command> for examples.` : HELP[topic].summary;
  return { kind: 'help', topic, entries: names.map((name) => ({ name, ...HELP[name] })), summary };
}

export type RunTextResult = { ok: true; outcome: CommandOutcome } | { ok: false; error: CommandError };

/**
 * The one call a text surface makes (Slack's `/crm`, the CLI, the extension's command bar):
 * reads the text in the person's zone, then runs it. Text that cannot be read comes back as
 * a CommandError to show; a command that cannot be carried out throws a CrmError.
 */
export async function runText(deps: CommandDeps, actor: Actor, text: string, context: RunContext): Promise<RunTextResult> {
  const parsed = parseCommand(text, context);
  if (!parsed.ok) return parsed;
  return { ok: true, outcome: await runCommand(deps, actor, parsed.command, context) };
}
