import { compareCodePoints, sortKey } from '@rapport/core';
import { describe, expect, it } from 'vitest';
import { bucketStart, BUCKET_SPAN, kindRange, nameKey } from './sqlite-search-order.js';

/** Names from every class of character the key codes, and every pair of their starts. */
const NAMES = [
  '', 'a', 'aa', 'a a', 'a-b', 'a.b', 'ab', 'abc', 'abcdefg', 'abcdefgh', 'abcdefgz', 'abcdefh', 'z', 'zz', 'zzzzzzzz',
  '0', '09', '1 a', '9z', ':', '@home', '_x', '`', '{', 'ß', 'é', 'ø b', 'ł a', 'ω', 'я', 'ﬀ', '王', '王芳', '王伟', '华为', '华为技术',
  '深圳华为技术有限公司', '김', '김민준', 'ｱ', '🦄 unicorn', '🦄', '😀', '\u0001', '\t', 'ann lee', 'ann leeds', 'ann', 'anna', 'annabel smith',
  'kohl', 'kohl adams', 'kohl zed', 'kohler', 'kohlmann', 'jose garcia', 'josé',
].map(sortKey);

describe('SQLite search entries in name order', () => {
  it('never gives a name that sorts first a bigger key', () => {
    const names = [...new Set([...NAMES, ...NAMES.flatMap((a) => NAMES.slice(0, 20).map((b) => `${a}${b}`))])];
    const sorted = [...names].sort(compareCodePoints);
    const keys = sorted.map(nameKey);
    for (let i = 1; i < keys.length; i += 1) {
      expect(keys[i - 1] as bigint <= (keys[i] as bigint), `${sorted[i - 1]} before ${sorted[i]}`).toBe(true);
    }
  });

  it('tells apart names that differ within their first seven letters, and Chinese names by their first two characters', () => {
    expect(nameKey('abcdefg')).toBeLessThan(nameKey('abcdefh'));
    expect(nameKey('abcdefgh')).toBe(nameKey('abcdefgz'));
    expect(nameKey('王芳')).not.toBe(nameKey('王伟'));
    expect(nameKey('ann le')).toBeLessThan(nameKey('ann lee'));
    expect(nameKey('')).toBe(0n);
  });

  it('keeps every contact below every account, and each bucket inside its kind', () => {
    const contacts = kindRange('contact');
    const accounts = kindRange('account');
    expect(contacts.last + 1n).toBe(accounts.first);
    expect(accounts.last).toBe(2n ** 63n - 1n);
    for (const name of NAMES) {
      for (const kind of ['contact', 'account'] as const) {
        const start = bucketStart(kind, name);
        expect(start).toBeGreaterThanOrEqual(kindRange(kind).first);
        expect(start + BUCKET_SPAN - 1n).toBeLessThanOrEqual(kindRange(kind).last);
      }
    }
  });
});
