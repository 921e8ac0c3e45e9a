import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from './command.schema.js';
import { ALL_USAGE, formatHelp, HELP } from './help.js';
import { parseCommand } from './parse-command.js';

const context = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'Asia/Shanghai' };

describe('HELP', () => {
  it('has a usage line, a sentence and examples for every command', () => {
    expect(Object.keys(HELP).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) {
      expect(HELP[name].usage.startsWith(name), name).toBe(true);
      expect(HELP[name].summary, name).toMatch(/^[A-Z].*\.$/);
      expect(HELP[name].examples.length, name).toBeGreaterThan(0);
    }
  });

  it.each(COMMAND_NAMES.flatMap((name) => HELP[name].examples.map((example) => [name, example] as const)))(
    '%s example %j parses as that command',
    (name, example) => {
      const result = parseCommand(example, context);
      expect(result.ok ? result.command.kind : result.error.message).toBe(name);
    },
  );

  it('lists every usage line once', () => {
    expect(ALL_USAGE.split('\n')).toEqual(COMMAND_NAMES.map((name) => HELP[name].usage));
  });
});

describe('formatHelp', () => {
  it('lists the commands with what each does', () => {
    const text = formatHelp();
    for (const name of COMMAND_NAMES) {
      expect(text).toContain(HELP[name].usage);
      expect(text).toContain(HELP[name].summary);
    }
    expect(text).toContain('Type "help <command>" for examples.');
  });

  it('shows one command with its examples', () => {
    expect(formatHelp('pipeline')).toBe(
      [
        'pipeline [mine|team]',
        '',
        "Show open deals by stage: yours (the default) or your team's.",
        '',
        'Examples:',
        '  pipeline',
        '  pipeline team',
      ].join('\n'),
    );
  });
});
