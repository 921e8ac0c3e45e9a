import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CrmError } from '@rapport/core';

export interface CommandSpec {
  /** "user add" */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Lines after the usage: what each option means, examples. */
  details: string[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** A line that replaces the previous one on a terminal (a progress bar); printed as a line elsewhere, or not at all. */
  status?(line: string): void;
}

export function parse(spec: CommandSpec, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...spec.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new CrmError('invalid_input', `${error instanceof Error ? error.message : String(error)}\nUsage: ${spec.usage}`);
  }
}

export function helpText(spec: CommandSpec): string {
  return [`${spec.summary}`, '', `Usage: ${spec.usage}`, ...(spec.details.length > 0 ? ['', ...spec.details] : [])].join('\n');
}

/** Reads a required string option or explains which one is missing. */
export function required(args: ParsedArgs, name: string, spec: CommandSpec): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CrmError('invalid_input', `--${name} is required.\nUsage: ${spec.usage}`, { issues: [{ path: name, message: 'Required.' }] });
  }
  return value.trim();
}

export function optional(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
