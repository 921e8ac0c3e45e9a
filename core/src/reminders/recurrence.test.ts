import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './recurrence.js';

describe('nextOccurrence', () => {
  const now = new Date('2026-11-18T20:20:00Z');

  it('jumps a series from long ago straight to the first occurrence after now, at its wall-clock time', () => {
    expect(nextOccurrence('1900-01-01T08:00:00Z', { frequency: 'daily', interval: 1 }, 'UTC', now)?.toISOString()).toBe('2026-11-19T08:00:00.000Z');
    expect(nextOccurrence('1900-01-01T08:00:00Z', { frequency: 'weekly', interval: 2 }, 'UTC', now)?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(nextOccurrence('1900-01-31T08:00:00Z', { frequency: 'monthly', interval: 1 }, 'UTC', now)?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // 09:00 in Berlin stays 09:00 across the change to winter time.
    expect(nextOccurrence('2026-03-02T08:00:00Z', { frequency: 'weekly', interval: 1 }, 'Europe/Berlin', now)?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('takes the next step of a series due in the future', () => {
    expect(nextOccurrence('2027-01-31T09:00:00Z', { frequency: 'monthly', interval: 1 }, 'UTC', now)?.toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });

  it('ends a series whose next occurrence would fall after 9000-12-31', () => {
    expect(nextOccurrence('9000-12-31T23:59:59Z', { frequency: 'monthly', interval: 1 }, 'UTC', now)).toBeNull();
    expect(nextOccurrence('9000-12-31T08:00:00Z', { frequency: 'daily', interval: 1 }, 'Pacific/Kiritimati', now)).toBeNull();
    expect(nextOccurrence('9000-12-30T08:00:00Z', { frequency: 'daily', interval: 1 }, 'UTC', now)?.toISOString()).toBe('9000-12-31T08:00:00.000Z');
  });
});
