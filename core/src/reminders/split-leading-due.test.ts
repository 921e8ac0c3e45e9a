import { afterEach, describe, expect, it } from 'vitest';
import { parseDue, splitLeadingDue } from './due-parser.js';

const newYork = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' }; // Wed 15:20
const shanghai = { now: new Date('2026-11-18T07:20:00Z'), timeZone: 'Asia/Shanghai' }; // Wed 15:20

describe('splitLeadingDue', () => {
  it.each([
    ['tomorrow 9am call Ann about Acme', 'tomorrow 9am', 'call Ann about Acme', '2026-11-19T14:00:00.000Z'],
    ['in 2 hours: send the deck', 'in 2 hours', 'send the deck', '2026-11-18T22:20:00.000Z'],
    ['friday to call Bob', 'friday', 'call Bob', '2026-11-20T14:00:00.000Z'],
    ['eod send report', 'eod', 'send report', '2026-11-18T22:00:00.000Z'],
    ['next week - renewal call with Globex', 'next week', 'renewal call with Globex', '2026-11-23T14:00:00.000Z'],
    ['  tomorrow morning   ping José  ', 'tomorrow morning', 'ping José', '2026-11-19T14:00:00.000Z'],
    ['Dec 1 send contract to Initech', 'Dec 1', 'send contract to Initech', '2026-12-01T14:00:00.000Z'],
    ['1h tomorrow’s agenda', '1h', 'tomorrow’s agenda', '2026-11-18T21:20:00.000Z'],
    ['tomorrow to-do review', 'tomorrow', 'to-do review', '2026-11-19T14:00:00.000Z'],
    ['friday 2 calls with Acme', 'friday', '2 calls with Acme', '2026-11-20T14:00:00.000Z'],
    ['tomorrow at 10 demo', 'tomorrow at 10', 'demo', '2026-11-19T15:00:00.000Z'],
    ['tomorrow 10:30 demo', 'tomorrow 10:30', 'demo', '2026-11-19T15:30:00.000Z'],
  ])('splits %j', (text, dueText, rest, at) => {
    const result = splitLeadingDue(text, newYork);
    expect(result).toEqual({ ok: true, at: new Date(at), dueText, rest });
  });

  it.each([
    ['明天上午9点 给华为打电话', '明天上午9点', '给华为打电话', '2026-11-19T01:00:00.000Z'],
    ['明天上午9点给华为打电话', '明天上午9点', '给华为打电话', '2026-11-19T01:00:00.000Z'],
    ['3天后，跟进腾讯的报价', '3天后', '跟进腾讯的报价', '2026-11-21T01:00:00.000Z'],
    ['下周一 发合同', '下周一', '发合同', '2026-11-23T01:00:00.000Z'],
  ])('splits %j', (text, dueText, rest, at) => {
    expect(splitLeadingDue(text, shanghai)).toEqual({ ok: true, at: new Date(at), dueText, rest });
  });

  it('keeps a long task whole', () => {
    const task = 'go through the renewal terms on friday at 3pm with Ann and '.repeat(60).trim();
    expect(splitLeadingDue(`tomorrow 9am ${task}`, newYork)).toMatchObject({ ok: true, dueText: 'tomorrow 9am', rest: task });
  });

  it('leaves the rest empty when there is nothing after the time', () => {
    expect(splitLeadingDue('tomorrow 9am', newYork)).toMatchObject({ ok: true, dueText: 'tomorrow 9am', rest: '' });
  });

  it('refuses a sentence that does not start with a time', () => {
    const result = splitLeadingDue('call Ann tomorrow', newYork);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Start with when it is due, e\.g\. "tomorrow 9am call Ann"/);
  });

  it('refuses a time that has already passed', () => {
    const result = splitLeadingDue('today call Ann', newYork);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^That time has already passed/);
  });
});

/** Node reads TZ again whenever it is assigned, so one process can play several machines. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('the machine\'s own time zone does not matter', () => {
  const original = env.TZ;
  afterEach(() => {
    if (original === undefined) delete env.TZ;
    else env.TZ = original;
  });

  const springForward = { now: new Date('2026-03-07T17:00:00Z'), timeZone: 'America/New_York' };
  const cases: Array<[string, string]> = [
    ['tomorrow 9am', '2026-03-08T13:00:00.000Z'],
    ['tomorrow 2:30am', '2026-03-08T07:30:00.000Z'],
    ['in 24 hours', '2026-03-08T17:00:00.000Z'],
    ['next week', '2026-03-09T13:00:00.000Z'],
    ['an hour from now', '2026-03-07T18:00:00.000Z'],
  ];

  it.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham'])('on a machine in %s', (machineZone) => {
    env.TZ = machineZone;
    for (const [text, at] of cases) {
      const result = parseDue(text, springForward);
      expect(result.ok && result.at.toISOString(), `${text} on ${machineZone}`).toBe(at);
    }
  });

  it('on a machine in New York while the user\'s wall clock falls in New York\'s skipped hour', () => {
    env.TZ = 'America/New_York';
    const berlin = { now: new Date('2026-03-08T01:30:00Z'), timeZone: 'Europe/Berlin' }; // 02:30 CET
    const read = (text: string): string | false => {
      const result = parseDue(text, berlin);
      return result.ok && result.at.toISOString();
    };
    expect(read('an hour from now')).toBe('2026-03-08T02:30:00.000Z');
    expect(read('in 2 days')).toBe('2026-03-10T08:00:00.000Z');
    expect(read('9am')).toBe('2026-03-08T08:00:00.000Z');
    expect(read('tonight')).toBe('2026-03-08T19:00:00.000Z');
  });
});
