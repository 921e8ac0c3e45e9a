import { describe, expect, it } from 'vitest';
import { instantMs, rankNumbers } from './ranking.js';

/** RANK() the slow, obvious way: 1 + how many values are strictly smaller. */
const naiveRanks = (values: readonly number[]): number[] => values.map((v) => 1 + values.filter((w) => w < v).length);

describe('rankNumbers', () => {
  it('ranks order counts like SQL RANK(), equal counts sharing the lower rank', () => {
    expect(Array.from(rankNumbers([3, 1, 1, 2, 0, 3]))).toEqual([5, 2, 2, 4, 1, 5]);
  });

  it('ranks amounts, negative and fractional numbers and huge integers alike', () => {
    const values = [2 ** 53 - 1, -5, 12.5, 0, 2 ** 53 - 1, 9_000_000, -5, 1e300];
    expect(Array.from(rankNumbers(values))).toEqual(naiveRanks(values));
  });

  it('gives the same ranks whichever way it counts, on a spread of values', () => {
    const counts = Array.from({ length: 500 }, (_, i) => (i * 7919) % 37);
    const amounts = counts.map((c, i) => c * 1_000_003 + (i % 3));
    expect(Array.from(rankNumbers(counts))).toEqual(naiveRanks(counts));
    expect(Array.from(rankNumbers(amounts))).toEqual(naiveRanks(amounts));
  });
});

describe('instantMs', () => {
  it('reads an instant as Date.parse does, including days that roll over and text it does not understand', () => {
    const instants = [
      '2026-06-01T09:30:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '0050-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-06-01T09:30:00Z',
      '2026-06-01T09:30:00.000+02:00',
      '+102025-01-01T00:00:00.000Z',
      'yesterday',
    ];
    for (const instant of instants) expect(instantMs(instant)).toBe(Date.parse(instant));
  });
});
