import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Actor } from '../services/context.js';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { Command, CommandError } from './command.schema.js';
import type { CommandDeps, CommandOutcome, CommandOutcomeKind, RunContext } from './command-outcome.js';
import { HELP } from './help.js';
import { runCommand, runHelp, runText, type RunTextResult } from './run-command.js';

describe('runCommand', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('answers help with every command as data', async () => {
    const outcome = await w.run(w.users.ann, { kind: 'help', topic: null });
    expect(outcome.kind).toBe('help');
    if (outcome.kind !== 'help') return;
    expect(outcome.entries.map((e) => e.name)).toEqual(['find', 'deal', 'remind', 'pipeline', 'help']);
    expect(outcome.entries[1]).toEqual({ name: 'deal', ...HELP.deal });
    expect(outcome.summary).toBe('Commands: find, deal, remind, pipeline, help. Type help <command> for examples.');
  });

  it('answers help on one command with its usage and examples', () => {
    expect(runHelp('remind')).toEqual({
      kind: 'help',
      topic: 'remind',
      entries: [{ name: 'remind', ...HELP.remind }],
      summary: 'Set yourself a reminder; the time is read in your time zone.',
    });
  });

  it('runs every help example that needs no particular data without failing', async () => {
    for (const text of ['find acme', 'pipeline', 'help deal', '']) {
      const result = await w.parseAndRun(w.users.mia, text);
      expect(result.ok, text).toBe(true);
    }
  });
});

describe('runText', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('hands back the CommandError of text it cannot read, and changes nothing', async () => {
    const result = await w.parseAndRun(w.users.ann, 'dael acme win');
    expect(result).toMatchObject({ ok: false, error: { command: null, suggestions: ['deal'] } });
    expect((await w.reload(w.deals.acmeRenewal)).status).toBe('open');
  });

  it('reads times in the zone it is given', async () => {
    const result = await runText(w.commandDeps, w.as(w.users.ann), 'remind tomorrow 9am call Ann', { now: w.clock.now(), timeZone: 'America/New_York' });
    expect(result.ok && result.outcome.kind === 'remind' && result.outcome.reminder.dueAt).toBe('2026-03-03T14:00:00.000Z');
  });

  it('parses and runs in one call', async () => {
    const result = await w.parseAndRun(w.users.ann, 'deal acme stage proposal');
    expect(result).toMatchObject({ ok: true, outcome: { kind: 'deal', summary: 'Moved “Acme renewal” to Proposal (was Demo).' } });
  });
});

describe('types', () => {
  it('narrows outcomes by kind', () => {
    expectTypeOf(runCommand).parameters.toEqualTypeOf<[CommandDeps, Actor, Command, RunContext]>();
    expectTypeOf(runCommand).returns.toEqualTypeOf<Promise<CommandOutcome>>();
    expectTypeOf(runText).returns.toEqualTypeOf<Promise<RunTextResult>>();
    expectTypeOf<Extract<RunTextResult, { ok: false }>['error']>().toEqualTypeOf<CommandError>();
    expectTypeOf<CommandOutcomeKind>().toEqualTypeOf<'find' | 'deal' | 'choose_deal' | 'remind' | 'pipeline' | 'help'>();
    expectTypeOf<Extract<CommandOutcome, { kind: 'choose_deal' }>['candidates'][number]['command']['kind']>().toEqualTypeOf<'deal'>();
    expectTypeOf<CommandOutcome['summary']>().toEqualTypeOf<string>();
  });
});
