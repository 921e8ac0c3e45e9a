import { describe, expect, it } from 'vitest';
import { freeTextOf, keywordOf, tokenize, wordsOf } from './tokenize.js';

const values = (text: string): string[] => tokenize(text).map((t) => t.value);

describe('tokenize', () => {
  it('splits on any run of white space, including the ideographic space', () => {
    expect(values('  deal\tacme   stage\u3000proposal \n')).toEqual(['deal', 'acme', 'stage', 'proposal']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });

  it('keeps a quoted phrase as one word and records where it stood', () => {
    expect(tokenize('deal "Acme stage one" win')).toEqual([
      { value: 'deal', quoted: false, start: 0, end: 4 },
      { value: 'Acme stage one', quoted: true, start: 5, end: 21 },
      { value: 'win', quoted: false, start: 22, end: 25 },
    ]);
  });

  it('accepts the quotes phones and keyboards type', () => {
    expect(values('deal “Acme stage one” win')).toEqual(['deal', 'Acme stage one', 'win']);
    expect(values('deal ”Acme one” win')).toEqual(['deal', 'Acme one', 'win']);
    expect(values('deal „Müller GmbH“ win')).toEqual(['deal', 'Müller GmbH', 'win']);
    expect(values('deal 「华为 云」 win')).toEqual(['deal', '华为 云', 'win']);
  });

  it('runs an unclosed quote to the end of the text', () => {
    expect(tokenize('find "acme corp')).toEqual([
      { value: 'find', quoted: false, start: 0, end: 4 },
      { value: 'acme corp', quoted: true, start: 5, end: 15 },
    ]);
  });

  it('leaves apostrophes and quotes inside a word alone', () => {
    expect(values("note Ann's 5\" screen")).toEqual(['note', "Ann's", '5"', 'screen']);
  });
});

describe('keywordOf', () => {
  it('ignores case and width, and never treats a quoted word as a keyword', () => {
    const [plain, wide, quoted] = tokenize('STAGE ｓｔａｇｅ "stage"');
    expect(keywordOf(plain)).toBe('stage');
    expect(keywordOf(wide)).toBe('stage');
    expect(keywordOf(quoted)).toBeNull();
    expect(keywordOf(undefined)).toBeNull();
  });
});

describe('wordsOf and freeTextOf', () => {
  const text = 'note  he said "yes, in Q1"   to me';
  const tokens = tokenize(text).slice(1);

  it('joins a name with single spaces and without quotes', () => {
    expect(wordsOf(tokenize('"Acme"   Corp'))).toBe('Acme Corp');
  });

  it('keeps free text as typed, inner quotes and spacing included', () => {
    expect(freeTextOf(text, tokens)).toBe('he said "yes, in Q1"   to me');
  });

  it('drops the quotes around a text that is one quoted phrase', () => {
    expect(freeTextOf('"call Ann about Acme"', tokenize('"call Ann about Acme"'))).toBe('call Ann about Acme');
    expect(freeTextOf('', [])).toBe('');
  });
});
