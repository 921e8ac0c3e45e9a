import { describe, expect, expectTypeOf, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { commandErrorToCrmError } from './command-error.js';
import { Command, type CommandError, type ParseResult } from './command.schema.js';
import { ALL_USAGE } from './help.js';
import { parseCommand } from './parse-command.js';

const context = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' };
const parse = (text: string): ParseResult => parseCommand(text, context);

function error(text: string): CommandError {
  const result = parse(text);
  if (result.ok) throw new Error(`${text}: parsed as ${JSON.stringify(result.command)}`);
  return result.error;
}

describe('parseCommand', () => {
  it.each([
    ['find acme', { kind: 'find', query: 'acme' }],
    ['FIND Acme Corp', { kind: 'find', query: 'Acme Corp' }],
    ['ｆｉｎｄ 华为', { kind: 'find', query: '华为' }],
    ['find "acme corp"', { kind: 'find', query: 'acme corp' }],
    ['find ann@acme.com', { kind: 'find', query: 'ann@acme.com' }],
    ['pipeline', { kind: 'pipeline', scope: 'mine' }],
    ['pipeline mine', { kind: 'pipeline', scope: 'mine' }],
    ['Pipeline TEAM', { kind: 'pipeline', scope: 'team' }],
    ['help', { kind: 'help', topic: null }],
    ['help deal', { kind: 'help', topic: 'deal' }],
    ['HELP Remind', { kind: 'help', topic: 'remind' }],
    ['', { kind: 'help', topic: null }],
    ['   ', { kind: 'help', topic: null }],
  ])('%j', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it('returns commands that satisfy the Command schema', () => {
    for (const text of ['find acme', 'deal acme amount € 9.99', 'deal acme close friday', 'remind 1h call Ann about Acme', 'help']) {
      const result = parse(text);
      expect(result.ok && Command.safeParse(result.command).success, text).toBe(true);
    }
  });

  it('suggests the closest command for an unknown word and lists them all', () => {
    expect(error('fnd acme')).toEqual({
      command: null,
      message: '"fnd" is not a command.',
      understood: '',
      hint: 'Did you mean "find"? Commands: find, deal, remind, pipeline, help.',
      usage: ALL_USAGE,
      suggestions: ['find'],
    });
    expect(error('dael acme win')).toMatchObject({ suggestions: ['deal'], hint: expect.stringMatching(/^Did you mean "deal"\?/) });
    expect(error('banana')).toMatchObject({ hint: 'Commands: find, deal, remind, pipeline, help.', suggestions: [] });
    expect(error('提醒 明天')).toMatchObject({ message: '"提醒" is not a command.', suggestions: [] });
  });

  it('asks what to find', () => {
    expect(error('find')).toMatchObject({ command: 'find', message: 'Find what?', understood: 'find', usage: 'find <query>' });
  });

  it('refuses a pipeline view it does not know', () => {
    expect(error('pipeline everyone')).toMatchObject({
      command: 'pipeline',
      message: '"everyone" is not a pipeline view.',
      hint: 'Type pipeline (your deals) or pipeline team.',
      usage: 'pipeline [mine|team]',
    });
    expect(error('pipeline team mine').message).toBe("Only one word goes after pipeline (got 'team mine').");
  });

  it('suggests a command for help on an unknown one', () => {
    expect(error('help dael')).toMatchObject({ command: 'help', message: 'There is no "dael" command.', suggestions: ['deal'] });
  });

  it('never throws on odd input', () => {
    for (const text of ['"', '""', '“', 'deal ""', 'deal "" win', 'remind "', 'find \u0000', 'constructor', 'deal toString win', '🤝 acme']) {
      expect(() => parse(text), text).not.toThrow();
    }
    expect(parse('deal "" win')).toMatchObject({ ok: false, error: { message: 'Which deal?' } });
  });
});

describe('commandErrorToCrmError', () => {
  it('gives HTTP surfaces an invalid_input error carrying the hint', () => {
    const crm = commandErrorToCrmError(error('deal acme'));
    expect(crm).toBeInstanceOf(CrmError);
    expect(crm.code).toBe('invalid_input');
    expect(crm.message).toBe(
      "What should happen to deal 'acme'? Add an action: stage <stage>, amount <n>, close <date>, win, lose <reason> or note <text>.",
    );
    expect(crm.details).toMatchObject({ command: 'deal', understood: "deal 'acme'" });
  });
});

describe('types', () => {
  it('narrows commands and deal actions by their tags', () => {
    expectTypeOf(parseCommand).returns.toEqualTypeOf<ParseResult>();
    expectTypeOf<Extract<Command, { kind: 'remind' }>['at']>().toEqualTypeOf<Date>();
    expectTypeOf<Extract<Command, { kind: 'deal' }>['action']['type']>().toEqualTypeOf<
      'stage' | 'amount' | 'close' | 'win' | 'lose' | 'note'
    >();
    expectTypeOf<Extract<Command, { kind: 'pipeline' }>['scope']>().toEqualTypeOf<'mine' | 'team'>();
  });
});
