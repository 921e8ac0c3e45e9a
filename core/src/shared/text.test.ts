import { describe, expect, it } from 'vitest';
import { compareCodePoints, displayWidth, foldText, matchesAllWords, padToWidth, queryWords, searchTerms, sortKey } from './text.js';

describe('text in any script', () => {
  it('folds case and accents but keeps other scripts', () => {
    expect(foldText('JOSÉ Núñez')).toBe('jose nunez');
    expect(foldText('深圳华为')).toBe('深圳华为');
    expect(sortKey('  Ärzte   ohne Grenzen ')).toBe('arzte ohne grenzen');
  });

  it('finds a CJK name inside a longer one by prefix matching on suffix terms', () => {
    const terms = searchTerms('深圳华为技术有限公司');
    expect(matchesAllWords(terms, queryWords('华为'))).toBe(true);
    expect(matchesAllWords(terms, queryWords('小米'))).toBe(false);
  });

  it('compares by code point, as SQLite and PostgreSQL "C" do', () => {
    expect(['b', 'B', 'é', 'a', '😀', '中'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'é', '中', '😀']);
  });
});

describe('displayWidth', () => {
  it('counts CJK characters and emoji as two columns and combining accents as none', () => {
    expect(displayWidth('Ann Lee')).toBe(7);
    expect(displayWidth('陈晓')).toBe(4);
    expect(displayWidth('주식회사')).toBe(8);
    expect(displayWidth('Jose\u0301')).toBe(4);
    expect(displayWidth('🚀 Rocket')).toBe(9);
    expect(padToWidth('陈晓', 6)).toBe('陈晓  ');
  });
});
