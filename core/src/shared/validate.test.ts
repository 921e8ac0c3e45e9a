import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CrmError } from './errors.js';
import { Money } from './money.js';
import { CalendarDate, Instant } from './schema.js';
import { parseInput } from './validate.js';

const issuesOf = (schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input, 'input');
  } catch (error) {
    if (error instanceof CrmError) return error.issues;
  }
  return [];
};

describe('parseInput', () => {
  const Body = z.strictObject({ title: z.string(), amount: Money, tags: z.array(z.string()).optional(), count: z.number().int('Whole numbers only.').optional() });

  it('names a wrong type as a wrong type, and only a missing field as Required', () => {
    expect(issuesOf(Body, { title: 'x', amount: 'lots' })).toEqual([{ path: 'amount', message: 'Expected an object, got a string.' }]);
    expect(issuesOf(Body, { title: 7, amount: { minor: [], currency: null } })).toEqual([
      { path: 'title', message: 'Expected a string, got a number.' },
      { path: 'amount.minor', message: 'Expected a number, got a list.' },
      { path: 'amount.currency', message: 'Expected a string, got null.' },
    ]);
    expect(issuesOf(Body, { title: 'x' })).toEqual([{ path: 'amount', message: 'Required.' }]);
    expect(issuesOf(Body, { title: 'x', amount: { minor: 1, currency: 'EUR' }, tags: {} })).toEqual([{ path: 'tags', message: 'Expected a list, got an object.' }]);
  });

  it("keeps a schema's own message", () => {
    expect(issuesOf(Body, { title: 'x', amount: { minor: 1, currency: 'EUR' }, count: 1.5 })).toEqual([{ path: 'count', message: 'Whole numbers only.' }]);
  });

  it('refuses currencies outside ISO 4217 and amounts past the maximum', () => {
    for (const currency of ['ZZZ', 'BTC', 'NaN', 'XXX', 'dollars']) {
      expect(issuesOf(Money, { minor: 1, currency })).toEqual([{ path: 'currency', message: 'Use a three-letter ISO 4217 currency code such as USD, EUR or CNY.' }]);
    }
    expect(parseInput(Money, { minor: 10 ** 13, currency: ' cny' }, 'amount')).toEqual({ minor: 10 ** 13, currency: 'CNY' });
    expect(issuesOf(Money, { minor: 10 ** 13 + 1, currency: 'EUR' })[0]?.message).toMatch(/^At most 10000000000000 minor units/);
  });

  it('keeps dates and instants between 1900-01-01 and 9000-12-31', () => {
    const range = 'Use a date between 1900-01-01 and 9000-12-31.';
    expect(issuesOf(CalendarDate, '9999-12-31')).toEqual([{ path: '', message: range }]);
    expect(issuesOf(CalendarDate, '1899-12-31')).toEqual([{ path: '', message: range }]);
    expect(parseInput(CalendarDate, '9000-12-31', 'date')).toBe('9000-12-31');
    expect(issuesOf(Instant, '0000-01-01T00:00:00Z')).toEqual([{ path: '', message: range }]);
    // An offset that moves the instant past the end is refused too.
    expect(issuesOf(Instant, '9000-12-31T23:00:00-02:00')).toEqual([{ path: '', message: range }]);
    expect(parseInput(Instant, '1900-01-01T01:00:00+01:00', 'instant')).toBe('1900-01-01T00:00:00.000Z');
  });
});
