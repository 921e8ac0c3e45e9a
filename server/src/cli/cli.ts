import { asCrmError, CrmError } from '@rapport/core';
import { SETTINGS } from '../config.js';
import { VERSION } from '../version.js';
import { helpText, parse, type CliIo, type CommandSpec } from './args.js';
import { migrate, seed } from './seed.commands.js';
import { serveCommand } from './serve.command.js';
import { tokenCreate, tokenList, tokenRevoke } from './token.commands.js';
import { teamAdd, userAdd, userList } from './user.commands.js';
import { slackManifest, userLinkCode } from './slack.commands.js';
import { slackServe } from './slack-serve.command.js';
import { reportActivity } from './report.commands.js';
import { mailAddress } from './mail.commands.js';
import { currencySet, ratesImport, ratesList } from './currency.commands.js';
import { importCommand } from './import.commands.js';
import { exportCommand } from './export.commands.js';
import { PIPELINE_COMMANDS } from './pipeline.commands.js';
import { fieldsAdd, fieldsDelete, fieldsEdit, fieldsList, fieldsRestore } from './field.commands.js';
import { connectHubSpot, disconnect, syncRun, syncStatus } from './connector.commands.js';

/** Every command, found by its words. Later surfaces add theirs here. */
export const COMMANDS: CommandSpec[] = [serveCommand, userAdd, userList, teamAdd, tokenCreate, tokenRevoke, tokenList, seed, migrate, userLinkCode, slackManifest, slackServe, reportActivity, mailAddress, currencySet, ratesImport, ratesList, importCommand, exportCommand, ...PIPELINE_COMMANDS, fieldsList, fieldsAdd, fieldsEdit, fieldsDelete, fieldsRestore, connectHubSpot, syncStatus, syncRun, disconnect];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `rapport ${VERSION}: the Rapport hub and its admin commands`,
    '',
    'Usage: rapport <command> [options]      rapport <command> --help',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings (environment or .env):',
    ...SETTINGS.map((s) => `  ${s.name.padEnd(30)} ${s.description} Default: ${s.default}`),
  ].join('\n');
}

function find(argv: string[]): { spec: CommandSpec; rest: string[] } | null {
  for (const spec of [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)) {
    const words = spec.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { spec, rest: argv.slice(words.length) };
  }
  return null;
}

/** Runs the CLI; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(mainHelp());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(VERSION);
    return 0;
  }
  const found = find(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    io.err(group.length > 0 ? `"${argv.join(' ')}" needs one of: ${group.map((c) => c.name).join(', ')}.` : `Unknown command "${argv[0]}".`);
    io.err('Run `rapport --help` for the list of commands.');
    return 2;
  }
  try {
    const args = parse(found.spec, found.rest);
    if (args.values.help) {
      io.out(helpText(found.spec));
      return 0;
    }
    return await found.spec.run(args, io);
  } catch (error) {
    const crm = asCrmError(error);
    io.err(`${error instanceof CrmError ? '' : 'Unexpected error: '}${crm.message}`);
    for (const issue of crm.issues) if (!crm.message.includes(issue.message)) io.err(`  ${issue.path}: ${issue.message}`);
    return crm.code === 'invalid_input' ? 2 : 1;
  }
}
