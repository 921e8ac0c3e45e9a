import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';

const newYork = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' }; // Wed 15:20
const shanghai = { now: new Date('2026-11-18T07:20:00Z'), timeZone: 'Asia/Shanghai' }; // Wed 15:20

describe('remind', () => {
  it.each([
    ['remind tomorrow 9am call Ann about Acme', '2026-11-19T14:00:00.000Z', 'tomorrow 9am', 'call Ann', 'Acme'],
    ['remind me in 2 hours send the deck', '2026-11-18T22:20:00.000Z', 'in 2 hours', 'send the deck', null],
    ['Remind friday to chase the PO about Acme Corp', '2026-11-20T14:00:00.000Z', 'friday', 'chase the PO', 'Acme Corp'],
    ['remind eod ask about pricing about Initech', '2026-11-18T22:00:00.000Z', 'eod', 'ask about pricing', 'Initech'],
    ['remind next week "talk about the renewal"', '2026-11-23T14:00:00.000Z', 'next week', 'talk about the renewal', null],
    ['remind tomorrow morning "think about it"', '2026-11-19T14:00:00.000Z', 'tomorrow morning', 'think about it', null],
    ['remind tomorrow morning think about it', '2026-11-19T14:00:00.000Z', 'tomorrow morning', 'think', 'it'],
    ['remind 1h call José about "Acme stage one"', '2026-11-18T21:20:00.000Z', '1h', 'call José', 'Acme stage one'],
  ])('%j', (text, at, dueText, what, about) => {
    expect(parseCommand(text, newYork)).toEqual({ ok: true, command: { kind: 'remind', at: new Date(at), dueText, what, about } });
  });

  it('reads Chinese, in the user\'s zone', () => {
    expect(parseCommand('remind 明天上午9点 给华为打电话', shanghai)).toEqual({
      ok: true,
      command: { kind: 'remind', at: new Date('2026-11-19T01:00:00.000Z'), dueText: '明天上午9点', what: '给华为打电话', about: null },
    });
    expect(parseCommand('remind 3天后跟进报价 about 腾讯', shanghai)).toEqual({
      ok: true,
      command: { kind: 'remind', at: new Date('2026-11-21T01:00:00.000Z'), dueText: '3天后', what: '跟进报价', about: '腾讯' },
    });
  });

  it('reads the same words as a different instant in another zone', () => {
    const ny = parseCommand('remind tomorrow 9am call Ann', newYork);
    const sh = parseCommand('remind tomorrow 9am call Ann', shanghai);
    expect(ny.ok && ny.command.kind === 'remind' && ny.command.at.toISOString()).toBe('2026-11-19T14:00:00.000Z');
    expect(sh.ok && sh.command.kind === 'remind' && sh.command.at.toISOString()).toBe('2026-11-19T01:00:00.000Z');
  });

  it('asks for a time first', () => {
    const result = parseCommand('remind call Ann tomorrow', newYork);
    expect(result).toMatchObject({
      ok: false,
      error: {
        command: 'remind',
        message: 'When should it remind you?',
        understood: 'remind',
        hint: expect.stringMatching(/^Start with when: remind tomorrow 9am call Ann/),
        usage: 'remind <when> <what> [about <customer>]',
      },
    });
    expect(parseCommand('remind', newYork)).toMatchObject({ ok: false, error: { message: 'Remind you when, and of what?' } });
    expect(parseCommand('remind me', newYork)).toMatchObject({ ok: false, error: { message: 'Remind you when, and of what?' } });
  });

  it('refuses a time that has passed', () => {
    expect(parseCommand('remind today call Ann', newYork)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^That time has already passed/), understood: 'remind' },
    });
  });

  it('asks what to be reminded of', () => {
    expect(parseCommand('remind tomorrow 9am', newYork)).toMatchObject({
      ok: false,
      error: {
        message: 'Remind you of what?',
        understood: "remind 'tomorrow 9am'",
        hint: 'Say what to do after the time: remind tomorrow 9am call Ann about Acme.',
      },
    });
  });
});
