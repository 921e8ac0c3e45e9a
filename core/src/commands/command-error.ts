import { CrmError } from '../shared/errors.js';
import type { CommandError, CommandName } from './command.schema.js';
import { ALL_USAGE, HELP } from './help.js';

export interface CommandErrorFields {
  message: string;
  understood?: string;
  hint: string;
  suggestions?: CommandName[];
}

/** A CommandError for `command` (null: no command was recognised), with its usage filled in. */
export function commandError(command: CommandName | null, fields: CommandErrorFields): { ok: false; error: CommandError } {
  return {
    ok: false,
    error: {
      command,
      message: fields.message,
      understood: fields.understood ?? '',
      hint: fields.hint,
      usage: command ? HELP[command].usage : ALL_USAGE,
      suggestions: fields.suggestions ?? [],
    },
  };
}

/** The same problem as an `invalid_input` CrmError, for surfaces that speak in CrmErrors (HTTP). */
export function commandErrorToCrmError(error: CommandError): CrmError {
  const message = `${error.message} ${error.hint}`.trim();
  return new CrmError('invalid_input', message, {
    issues: [{ path: 'command', message }],
    details: {
      command: error.command,
      understood: error.understood,
      hint: error.hint,
      usage: error.usage,
      suggestions: error.suggestions,
    },
  });
}

/** How a name the user typed is echoed back in "understood": in single quotes. */
export const echo = (text: string): string => `'${text}'`;
