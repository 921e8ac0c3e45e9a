import { describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { parseDue, parseDueDate, type DueOptions } from './due-parser.js';

/** The instant as ISO, or the error message: one string a table row can state. */
function due(text: string, options: DueOptions): string {
  const result = parseDue(text, options);
  return result.ok ? result.at.toISOString() : `error: ${result.error.message}`;
}

const z = (iso: string): string => `${iso}:00.000Z`;

describe('parseDue in America/New_York on Wednesday 2026-11-18, 15:20 EST', () => {
  const options = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' };

  it.each([
    ['tomorrow 9am', z('2026-11-19T14:00')],
    ['Tomorrow 9AM', z('2026-11-19T14:00')],
    ['in 3 days', z('2026-11-21T14:00')],
    ['in 2 weeks', z('2026-12-02T14:00')],
    ['in 2 hours', z('2026-11-18T22:20')],
    ['1h', z('2026-11-18T21:20')],
    ['30m', z('2026-11-18T20:50')],
    ['1h30m', z('2026-11-18T21:50')],
    ['half an hour', z('2026-11-18T20:50')],
    ['an hour from now', z('2026-11-18T21:20')],
    ['next monday', z('2026-11-23T14:00')],
    ['friday 2pm', z('2026-11-20T19:00')],
    ['friday', z('2026-11-20T14:00')],
    ['by friday', z('2026-11-20T14:00')],
    ['tonight', z('2026-11-19T01:00')],
    ['tomorrow morning', z('2026-11-19T14:00')],
    ['tomorrow afternoon', z('2026-11-19T20:00')],
    ['tomorrow evening', z('2026-11-20T01:00')],
    ['next week', z('2026-11-23T14:00')],
    ['next week friday 2pm', z('2026-11-27T19:00')],
    ['end of day', z('2026-11-18T22:00')],
    ['eod', z('2026-11-18T22:00')],
    ['tomorrow eod', z('2026-11-19T22:00')],
    ['end of week', z('2026-11-20T22:00')],
    ['2026-12-01 14:30', z('2026-12-01T19:30')],
    ['Dec 1', z('2026-12-01T14:00')],
    ['Dec 1 3pm', z('2026-12-01T20:00')],
    ['5pm', z('2026-11-18T22:00')],
    ['tomorrow 3pm PST', z('2026-11-19T23:00')],
  ])('reads %j', (text, expected) => {
    expect(due(text, options)).toBe(expected);
  });

  it('moves a time already past today to tomorrow', () => {
    expect(due('9am', options)).toBe(z('2026-11-19T14:00'));
    expect(due('3pm', options)).toBe(z('2026-11-19T20:00'));
    expect(due('3pm EST', options)).toBe(z('2026-11-19T20:00'));
  });

  it('moves a weekday already past today to next week', () => {
    const fridayAfternoon = { ...options, now: new Date('2026-11-20T20:00:00Z') };
    expect(due('friday', fridayAfternoon)).toBe(z('2026-11-27T14:00'));
    expect(due('friday 9am', fridayAfternoon)).toBe(z('2026-11-27T14:00'));
    expect(due('friday 4pm', fridayAfternoon)).toBe(z('2026-11-20T21:00'));
  });

  it('gives a date without a time the default hour, local time', () => {
    expect(due('tomorrow', options)).toBe(z('2026-11-19T14:00'));
    expect(due('tomorrow', { ...options, defaultHour: 8 })).toBe(z('2026-11-19T13:00'));
  });

  it('returns the words it understood', () => {
    expect(parseDue('  Tomorrow 9am. ', options)).toMatchObject({ ok: true, text: 'Tomorrow 9am' });
  });

  it.each(['today', 'this morning', '2020-01-01', 'yesterday 9am'])('refuses %j: it has already passed', (text) => {
    expect(due(text, options)).toMatch(/^error: That time has already passed \(.+\)\. Pick a later time/);
  });

  it('refuses words it cannot read, with examples of what to type', () => {
    const result = parseDue('tomorow 9am', options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(CrmError);
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('"tomorrow 9am"');
    expect(result.error.issues).toEqual([{ path: 'due', message: result.error.message }]);
    expect(result.error.details).toEqual({ reason: 'unreadable' });
  });

  it('says why, for callers that word it their own way', () => {
    const reason = (text: string): unknown => {
      const result = parseDue(text, options);
      return result.ok ? null : result.error.details.reason;
    };
    expect(reason('')).toBe('missing');
    expect(reason('banana')).toBe('unreadable');
    expect(reason('today')).toBe('passed');
    expect(reason('tomorrow')).toBeNull();
    expect(reason('in 99999 years')).toBe('out_of_range');
    expect(due('in 99999 years', options)).toMatch(/outside the dates Rapport keeps \(1900-01-01 to 9000-12-31\)/);
    expect(due('in 900 years', options)).toMatch(/^2926-/);
  });

  it.each([
    ['', /^error: Say when\. Try "tomorrow 9am"/],
    ['   ', /^error: Say when\./],
    ['banana', /^error: Could not read "banana" as a time\. Try/],
    ['tomorrow blah', /^error: Understood "tomorrow" but not "blah"\./],
    ['call Ann tomorrow', /^error: Could not read "call Ann tomorrow"/],
    ['friday 2', /^error: Understood "friday" but not "2"\./],
  ])('refuses %j', (text, message) => {
    expect(due(text, options)).toMatch(message);
  });

  it('refuses an unknown time zone, an invalid now and a bad default hour', () => {
    expect(due('tomorrow', { ...options, timeZone: 'Mars/Olympus' })).toMatch(/Unknown time zone "Mars\/Olympus"/);
    expect(due('tomorrow', { ...options, now: new Date('nope') })).toMatch(/not a valid date/);
    expect(due('tomorrow', { ...options, defaultHour: 24 })).toMatch(/default hour/);
  });
});

describe('parseDue across the daylight-saving weekends', () => {
  it('New York, spring forward (Sunday 2026-03-08): days keep their wall time, hours stay elapsed', () => {
    const options = { now: new Date('2026-03-07T17:00:00Z'), timeZone: 'America/New_York' }; // Sat 12:00 EST
    expect(due('tomorrow 9am', options)).toBe(z('2026-03-08T13:00')); // 9:00 EDT
    expect(due('tomorrow', options)).toBe(z('2026-03-08T13:00'));
    expect(due('tomorrow noon', options)).toBe(z('2026-03-08T16:00'));
    expect(due('tomorrow 2:30am', options)).toBe(z('2026-03-08T07:30')); // skipped: 3:30 EDT
    expect(due('in 24 hours', options)).toBe(z('2026-03-08T17:00')); // 13:00 EDT
    expect(due('next week', options)).toBe(z('2026-03-09T13:00'));
  });

  it('New York, fall back (Sunday 2026-11-01)', () => {
    const options = { now: new Date('2026-10-31T16:00:00Z'), timeZone: 'America/New_York' }; // Sat 12:00 EDT
    expect(due('tomorrow 9am', options)).toBe(z('2026-11-01T14:00')); // 9:00 EST
    expect(due('tomorrow 1:30am', options)).toBe(z('2026-11-01T05:30')); // repeated: the earlier one
    expect(due('in 24 hours', options)).toBe(z('2026-11-01T16:00')); // 11:00 EST
    expect(due('tonight', options)).toBe(z('2026-11-01T00:00'));
    expect(due('in 3 days', options)).toBe(z('2026-11-03T14:00'));
  });

  it('Berlin, spring forward (Sunday 2026-03-29)', () => {
    const options = { now: new Date('2026-03-28T09:00:00Z'), timeZone: 'Europe/Berlin' }; // Sat 10:00 CET
    expect(due('tomorrow 9am', options)).toBe(z('2026-03-29T07:00')); // 9:00 CEST
    expect(due('tomorrow 2:30am', options)).toBe(z('2026-03-29T01:30')); // skipped: 3:30 CEST
    expect(due('in 3 days', options)).toBe(z('2026-03-31T07:00'));
    expect(due('friday 2pm', options)).toBe(z('2026-04-03T12:00'));
    expect(due('eod', options)).toBe(z('2026-03-28T16:00')); // 17:00 CET
    expect(due('Dec 1', options)).toBe(z('2026-12-01T08:00'));
  });

  it('Berlin, fall back (Sunday 2026-10-25): "in 2 hours" is two hours, not two on the clock', () => {
    const options = { now: new Date('2026-10-24T23:30:00Z'), timeZone: 'Europe/Berlin' }; // 01:30 CEST
    expect(due('in 2 hours', options)).toBe(z('2026-10-25T01:30')); // 02:30 CET
    expect(due('9am', options)).toBe(z('2026-10-25T08:00')); // 9:00 CET, today
  });
});

describe('parseDue in Asia/Shanghai', () => {
  const options = { now: new Date('2026-11-18T07:20:00Z'), timeZone: 'Asia/Shanghai' }; // Wed 15:20 CST

  it.each([
    ['明天上午9点', z('2026-11-19T01:00')],
    ['后天下午3点', z('2026-11-20T07:00')],
    ['下周一', z('2026-11-23T01:00')],
    ['3天后', z('2026-11-21T01:00')],
    ['两周后', z('2026-12-02T01:00')],
    ['下个月', z('2026-12-18T01:00')],
    ['今晚', z('2026-11-18T12:00')],
    ['今晚8点', z('2026-11-18T12:00')],
    ['明天下午', z('2026-11-19T07:00')],
    ['明早', z('2026-11-19T01:00')],
    ['2小时后', z('2026-11-18T09:20')],
    ['半小时后', z('2026-11-18T07:50')],
    ['一个半小时后', z('2026-11-18T08:50')],
    ['下周五下午3点', z('2026-11-27T07:00')],
    ['12月1日', z('2026-12-01T01:00')],
    ['周五下午2点', z('2026-11-20T06:00')],
    ['下班前', z('2026-11-18T09:00')],
    ['tomorrow 9am', z('2026-11-19T01:00')],
  ])('reads %j', (text, expected) => {
    expect(due(text, options)).toBe(expected);
  });

  it('counts weeks from Monday: on a Sunday, 下周一 is tomorrow', () => {
    const sunday = { ...options, now: new Date('2026-11-22T02:00:00Z') }; // Sun 10:00
    expect(due('下周一', sunday)).toBe(z('2026-11-23T01:00'));
    expect(due('下周五', sunday)).toBe(z('2026-11-27T01:00'));
    expect(due('这周五', sunday)).toMatch(/already passed/);
    const monday = { ...options, now: new Date('2026-11-23T02:00:00Z') }; // Mon 10:00
    expect(due('下周一', monday)).toBe(z('2026-11-30T01:00'));
  });

  it('refuses a time already passed today', () => {
    expect(due('今天上午9点', options)).toMatch(/^error: That time has already passed/);
  });
});

describe('parseDueDate', () => {
  const options = { now: new Date('2026-11-18T20:20:00Z'), timeZone: 'America/New_York' }; // Wed 15:20

  it.each([
    ['today', '2026-11-18'],
    ['friday', '2026-11-20'],
    ['Dec 15', '2026-12-15'],
    ['in 2 weeks', '2026-12-02'],
    ['2027-01-31', '2027-01-31'],
  ])('reads %j as a calendar day in the user\'s zone', (text, date) => {
    expect(parseDueDate(text, options)).toEqual({ ok: true, date, text });
  });

  it('uses the user\'s zone for the day, not UTC', () => {
    const lateEvening = { ...options, now: new Date('2026-11-19T03:30:00Z') }; // Wed 22:30 in New York
    expect(parseDueDate('today', lateEvening)).toMatchObject({ ok: true, date: '2026-11-18' });
  });

  it('refuses a day already past', () => {
    const result = parseDueDate('yesterday', options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^That date has already passed \(2026-11-17\)/);
  });
});
