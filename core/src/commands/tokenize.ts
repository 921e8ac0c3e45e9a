import { foldText } from '../shared/text.js';

/**
 * Splits a command into words. Double quotes ("…", “…”, 「…」) group words into one
 * ("deal "Acme stage one" win"); apostrophes do not, so "Ann's" stays a word. An unclosed
 * quote runs to the end. Positions point into the original text, so free text (a note)
 * can be taken verbatim.
 */

export interface Token {
  value: string;
  quoted: boolean;
  /** Where the token, quotes included, starts and ends in the text. */
  start: number;
  end: number;
}

const CLOSERS: Record<string, string> = {
  '"': '"”“',
  '“': '”"',
  '”': '”"',
  '„': '“”"',
  '「': '」',
  '『': '』',
};

const isSpace = (ch: string): boolean => /\s/u.test(ch);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    const closers = CLOSERS[ch];
    if (closers) {
      let j = i + 1;
      while (j < text.length && !closers.includes(text[j] ?? '')) j += 1;
      tokens.push({ value: text.slice(i + 1, j), quoted: true, start: i, end: Math.min(j + 1, text.length) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !isSpace(text[j] ?? '')) j += 1;
    tokens.push({ value: text.slice(i, j), quoted: false, start: i, end: j });
    i = j;
  }
  return tokens;
}

/** The token as a keyword (folded: case, width and accents ignored), or null when quoted. */
export function keywordOf(token: Token | undefined): string | null {
  return token && !token.quoted ? foldText(token.value) : null;
}

/** Words as a name or query: values joined by single spaces, quotes dropped. */
export function wordsOf(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.value.trim())
    .filter((v) => v.length > 0)
    .join(' ');
}

/** Free text as typed, from the first token to the last; a single quoted token loses its quotes. */
export function freeTextOf(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return '';
  if (tokens.length === 1 && first.quoted) return first.value.trim();
  return text.slice(first.start, last.end).trim();
}
