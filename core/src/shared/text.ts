/**
 * Text handling that works in any script: search terms, sort keys and comparisons that
 * behave the same in memory, in SQLite and in PostgreSQL (all compare by code point).
 */

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const MAX_CJK_SUFFIX = 12;

/** NFKC, lower case, no diacritics: "José" and "JOSE" fold to "jose"; "华为" stays "华为". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase();
}

/** The key names sort by: folded, trimmed, with runs of spaces collapsed. */
export function sortKey(name: string): string {
  return foldText(name).trim().replace(/\s+/g, ' ');
}

/** Compares by Unicode code point, the order SQLite's BINARY and PostgreSQL's "C" collations use. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i += 1;
  }
  return a.length - b.length;
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w.length > 0);
}

/**
 * The terms a name is found by. Each word is a term; a run of CJK characters (which has no
 * spaces) also yields each of its suffixes, so a prefix match on terms finds "华为" inside
 * "深圳华为技术". Query words are matched as prefixes of these terms.
 */
export function searchTerms(...texts: Array<string | null | undefined>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = foldText(text);
    for (const word of words(folded)) terms.add(word);
    for (const run of folded.match(CJK_RUN) ?? []) {
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i += 1) {
        terms.add(chars.slice(i, i + MAX_CJK_SUFFIX).join(''));
      }
    }
  }
  return [...terms];
}

/** The words of a search query, folded the same way as the terms. CJK query runs longer than the suffix cap are cut to it. */
export function queryWords(query: string): string[] {
  return words(foldText(query)).map((w) => Array.from(w).slice(0, MAX_CJK_SUFFIX).join(''));
}

/** True when every query word is a prefix of some term. The reference semantics for every Store's search. */
export function matchesAllWords(terms: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => terms.some((t) => t.startsWith(q)));
}

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]|\p{Emoji_Presentation}/u;

/** Columns a text takes in a terminal: East Asian wide characters and emoji take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize('NFC')) {
    if (/\p{M}/u.test(char) || char === '\u200d' || /[\uFE00-\uFE0F]/.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

/** Pads text with spaces to `width` terminal columns (see displayWidth). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
