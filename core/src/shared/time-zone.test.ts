import { describe, expect, it } from 'vitest';
import { instantOf, localDate, wallTimeAt } from './time-zone.js';

const intl = new Map<string, Intl.DateTimeFormat>();

/** What Intl itself says the wall clock shows. */
function intlWallTime(instant: Date, timeZone: string): string {
  const format =
    intl.get(timeZone) ??
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  intl.set(timeZone, format);
  return format.format(instant).replace(', ', 'T');
}

const shown = (instant: Date, timeZone: string): string => {
  const w = wallTimeAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
};

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC'];

describe('wall-clock time in a time zone', () => {
  it('shows what Intl shows every 37 minutes across a year of DST changes, half-hour zones and half-hour DST included', () => {
    for (const zone of ZONES) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 60_000 + 13_000) {
        const instant = new Date(ms);
        if (shown(instant, zone) !== intlWallTime(instant, zone)) expect(`${zone} ${instant.toISOString()}: ${shown(instant, zone)}`).toBe(intlWallTime(instant, zone));
      }
    }
  });

  it('shows the second just before and after a clock change, and far from today', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-03-29T00:59:59.999Z', 'Europe/Berlin', '2026-03-29T01:59:59'],
      ['2026-03-29T01:00:00.000Z', 'Europe/Berlin', '2026-03-29T03:00:00'],
      ['2026-11-01T05:59:59.000Z', 'America/New_York', '2026-11-01T01:59:59'],
      ['2026-11-01T06:00:00.000Z', 'America/New_York', '2026-11-01T01:00:00'],
      ['9999-12-31T23:59:59.000Z', 'Asia/Tokyo', '10000-01-01T08:59:59'],
      ['0001-01-01T00:00:00.000Z', 'UTC', '0001-01-01T00:00:00'],
    ];
    for (const [iso, zone, wall] of cases) expect(shown(new Date(iso), zone)).toBe(wall);
  });

  it('turns a local time back into the instant, and dates at the edge of a day', () => {
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(localDate(new Date('2026-06-30T23:30:00.000Z'), 'Asia/Kolkata')).toBe('2026-07-01');
    expect(localDate(new Date('2026-06-30T23:30:00.000Z'), 'America/St_Johns')).toBe('2026-06-30');
  });
});
