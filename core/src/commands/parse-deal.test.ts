import { describe, expect, it } from 'vitest';
import { parseAmount } from '../shared/money.js';
import type { DealAction } from './command.schema.js';
import { DEAL_ACTIONS_HINT } from './help.js';
import { parseCommand } from './parse-command.js';

const context = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' }; // Wed 15:20

function deal(text: string): { query: string; action: DealAction } {
  const result = parseCommand(text, context);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  if (result.command.kind !== 'deal') throw new Error(`${text}: parsed as ${result.command.kind}`);
  return { query: result.command.query, action: result.command.action };
}

function failure(text: string): { message: string; understood: string; hint: string } {
  const result = parseCommand(text, context);
  if (result.ok) throw new Error(`${text}: parsed as ${JSON.stringify(result.command)}`);
  expect(result.error.command).toBe('deal');
  expect(result.error.usage).toMatch(/^deal <deal> stage <stage>/);
  return { message: result.error.message, understood: result.error.understood, hint: result.error.hint };
}

describe('deal: finding the deal and the action', () => {
  it.each([
    ['deal acme stage proposal', 'acme', { type: 'stage', stage: 'proposal' }],
    ['deal acme corp stage proposal', 'acme corp', { type: 'stage', stage: 'proposal' }],
    ['DEAL Acme Corp STAGE Final Review', 'Acme Corp', { type: 'stage', stage: 'Final Review' }],
    ['deal Acme stage one stage proposal', 'Acme stage one', { type: 'stage', stage: 'proposal' }],
    ['deal "Acme stage one" win', 'Acme stage one', { type: 'win' }],
    ['deal “Acme stage one” win', 'Acme stage one', { type: 'win' }],
    ['deal acme won', 'acme', { type: 'win' }],
    ['deal acme stage "Closed Won"', 'acme', { type: 'stage', stage: 'Closed Won' }],
    ['deal Win Corp win', 'Win Corp', { type: 'win' }],
    ['deal lost horizons stage demo', 'lost horizons', { type: 'stage', stage: 'demo' }],
    ['deal 华为 stage 方案', '华为', { type: 'stage', stage: '方案' }],
    ['deal 深圳 华为 win', '深圳 华为', { type: 'win' }],
  ])('%j', (text, query, action) => {
    expect(deal(text)).toEqual({ query, action });
  });

  it('lets a note say anything, action words included', () => {
    expect(deal('deal acme note we may win this if the stage moves to proposal')).toEqual({
      query: 'acme',
      action: { type: 'note', text: 'we may win this if the stage moves to proposal' },
    });
    expect(deal('deal acme corp note  he said "yes, in Q1"')).toEqual({
      query: 'acme corp',
      action: { type: 'note', text: 'he said "yes, in Q1"' },
    });
    expect(deal('deal 华为 note 客户希望下周一再谈')).toEqual({ query: '华为', action: { type: 'note', text: '客户希望下周一再谈' } });
  });
});

describe('deal amount', () => {
  it.each([
    ['12,500', null, 1_250_000],
    ['12.5k', null, 1_250_000],
    ['$80k', null, 8_000_000],
    ['€ 9.99', 'EUR', 999],
    ['EUR 9.99', 'EUR', 999],
    ['9.99 gbp', 'GBP', 999],
    ['£1.2m', 'GBP', 120_000_000],
    ['RMB 50000', 'CNY', 5_000_000],
  ])('keeps %j as typed, currency %j, for the deal\'s currency to resolve', (text, currency, minorUsd) => {
    const { action } = deal(`deal acme amount ${text}`);
    expect(action).toEqual({ type: 'amount', text, currency });
    if (action.type === 'amount') expect(parseAmount(action.text, 'USD')).toBe(minorUsd);
  });

  it('resolves in the deal\'s currency at execution: ¥80000 is 80000 yen', () => {
    const { action } = deal('deal acme amount ¥80000');
    expect(action).toEqual({ type: 'amount', text: '¥80000', currency: null });
    if (action.type === 'amount') expect(parseAmount(action.text, 'JPY')).toBe(80_000);
  });

  it('refuses what is not an amount', () => {
    expect(failure('deal acme amount abc')).toEqual({
      message: '"abc" is not an amount.',
      understood: "deal 'acme' amount",
      hint: 'Type a number such as 12500, 12,500, 12.5k, $80k or € 9.99.',
    });
    expect(failure('deal acme amount -5').message).toBe('"-5" is not an amount.');
    expect(failure('deal acme amount')).toMatchObject({ message: 'How much?', hint: 'Give the amount: deal acme amount 12.5k.' });
  });
});

describe('deal close', () => {
  it('carries the words and the calendar day they mean in the user\'s zone', () => {
    expect(deal('deal acme close next friday').action).toEqual({ type: 'close', text: 'next friday', date: '2026-11-27' });
    expect(deal('deal acme close Dec 15').action).toEqual({ type: 'close', text: 'Dec 15', date: '2026-12-15' });
    expect(deal('deal acme close today').action).toEqual({ type: 'close', text: 'today', date: '2026-11-18' });
    expect(deal('deal 华为 close 下周五').action).toEqual({ type: 'close', text: '下周五', date: '2026-11-27' });
  });

  it('refuses a day it cannot read or that has passed', () => {
    expect(failure('deal acme close yesterday')).toMatchObject({
      message: expect.stringMatching(/^That date has already passed \(2026-11-17\)/),
      understood: "deal 'acme' close",
    });
    expect(failure('deal acme close someday').message).toMatch(/^Could not read "someday" as a time/);
    expect(failure('deal acme close')).toMatchObject({ message: 'When is it expected to close?', hint: expect.stringContaining('close Dec 15') });
  });
});

describe('deal win and lose', () => {
  it('reads a reason and a competitor', () => {
    expect(deal('deal acme lose price to Globex').action).toEqual({ type: 'lose', reason: 'price', competitor: 'Globex' });
    expect(deal('deal acme lost went with an in-house tool').action).toEqual({
      type: 'lose',
      reason: 'went with an in-house tool',
      competitor: null,
    });
    expect(deal('deal acme lose budget moved to 2027 to Initech Labs').action).toEqual({
      type: 'lose',
      reason: 'budget moved to 2027',
      competitor: 'Initech Labs',
    });
    expect(deal('deal acme lose "sold to a holding" to Globex').action).toEqual({
      type: 'lose',
      reason: 'sold to a holding',
      competitor: 'Globex',
    });
  });

  it('asks why when no reason is given', () => {
    const hint = 'Say why, then who won if you know: deal acme lose price to Globex.';
    expect(failure('deal acme lose')).toEqual({ message: 'Why was it lost?', understood: "deal 'acme' lose", hint });
    expect(failure('deal acme lost to Globex')).toEqual({ message: 'Why was it lost?', understood: "deal 'acme' lost", hint });
  });

  it('refuses words after win', () => {
    expect(failure('deal acme win big')).toEqual({
      message: 'Nothing goes after "win".',
      understood: "deal 'acme' win",
      hint: 'Type just deal acme win.',
    });
  });
});

describe('deal: what is missing', () => {
  it('asks for an action, listing them', () => {
    expect(failure('deal acme corp')).toEqual({
      message: "What should happen to deal 'acme corp'?",
      understood: "deal 'acme corp'",
      hint: DEAL_ACTIONS_HINT,
    });
    expect(DEAL_ACTIONS_HINT).toBe('Add an action: stage <stage>, amount <n>, close <date>, win, lose <reason> or note <text>.');
  });

  it('asks which deal', () => {
    expect(failure('deal')).toMatchObject({ message: 'Which deal?', understood: 'deal' });
    expect(failure('deal stage proposal')).toEqual({
      message: 'Which deal?',
      understood: 'deal',
      hint: 'Name the deal before the action: deal acme stage proposal.',
    });
    expect(failure('deal win').hint).toBe('Name the deal before the action: deal acme win.');
  });

  it('asks for the stage and the note text', () => {
    expect(failure('deal acme stage')).toEqual({
      message: 'Which stage?',
      understood: "deal 'acme' stage",
      hint: 'Name the stage: deal acme stage proposal.',
    });
    expect(failure('deal acme note')).toMatchObject({ message: 'What should the note say?', understood: "deal 'acme' note" });
  });
});
