import { parseDueDate } from '../reminders/due-parser.js';
import { parseAmount } from '../shared/money.js';
import { commandError, echo } from './command-error.js';
import type { CommandContext, DealAction, DealActionType, ParseResult } from './command.schema.js';
import { DEAL_ACTIONS_HINT } from './help.js';
import { freeTextOf, keywordOf, wordsOf, type Token } from './tokenize.js';

/**
 * `deal <query> <action> …`. The query may be several words, so the action is found from
 * the end: the last action word after the first word. Notes and loss reasons are free text
 * that may hold action words themselves ("note we may win this"), so the first `note` or
 * `lose` takes everything after it. Quotes keep words out of this: deal "Acme stage one" win.
 */

const ACTION_WORDS: ReadonlyMap<string, DealActionType> = new Map([
  ['stage', 'stage'],
  ['amount', 'amount'],
  ['close', 'close'],
  ['win', 'win'],
  ['won', 'win'],
  ['lose', 'lose'],
  ['lost', 'lose'],
  ['note', 'note'],
]);
const FREE_TEXT: ReadonlySet<DealActionType> = new Set(['note', 'lose']);

/** Currencies a symbol or word names without doubt; "$" and "¥" name several. */
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₩': 'KRW', '₹': 'INR' };
const CURRENCY_ALIASES: Record<string, string> = { RMB: 'CNY' };

function amountCurrency(text: string): string | null {
  const code = /^([A-Za-z]{3})\s*(?=\d)|(?<=\d)\s*([A-Za-z]{3})$/u.exec(text.trim());
  if (code) {
    const upper = (code[1] ?? code[2] ?? '').toUpperCase();
    return CURRENCY_ALIASES[upper] ?? upper;
  }
  for (const [symbol, currency] of Object.entries(CURRENCY_SYMBOLS)) if (text.includes(symbol)) return currency;
  return null;
}

interface Found {
  index: number;
  type: DealActionType;
  word: string;
}

function findAction(args: readonly Token[]): Found | undefined {
  const found: Found[] = [];
  args.forEach((token, index) => {
    const word = keywordOf(token);
    const type = word === null ? undefined : ACTION_WORDS.get(word);
    if (index >= 1 && word !== null && type) found.push({ index, type, word });
  });
  return found.find((f) => FREE_TEXT.has(f.type)) ?? found.at(-1);
}

type ActionResult = { ok: true; action: DealAction } | { ok: false; message: string; hint: string };

function readAction(source: string, found: Found, rest: readonly Token[], query: string, context: CommandContext): ActionResult {
  const text = freeTextOf(source, rest);
  const example = (tail: string): string => `deal ${query} ${tail}`;
  switch (found.type) {
    case 'stage':
      if (rest.length === 0) return { ok: false, message: 'Which stage?', hint: `Name the stage: ${example('stage proposal')}.` };
      return { ok: true, action: { type: 'stage', stage: wordsOf(rest) } };
    case 'amount':
      if (text === '') return { ok: false, message: 'How much?', hint: `Give the amount: ${example('amount 12.5k')}.` };
      if (parseAmount(text, 'USD') === null) {
        return { ok: false, message: `"${text}" is not an amount.`, hint: 'Type a number such as 12500, 12,500, 12.5k, $80k or € 9.99.' };
      }
      return { ok: true, action: { type: 'amount', text, currency: amountCurrency(text) } };
    case 'close': {
      const closeHint = `Give a day: ${example('close friday')}, close Dec 15 or close in 2 weeks.`;
      if (text === '') return { ok: false, message: 'When is it expected to close?', hint: closeHint };
      const read = parseDueDate(text, context);
      if (!read.ok) return { ok: false, message: read.error.message, hint: closeHint };
      return { ok: true, action: { type: 'close', text, date: read.date } };
    }
    case 'win':
      if (rest.length > 0) return { ok: false, message: `Nothing goes after "${found.word}".`, hint: `Type just ${example('win')}.` };
      return { ok: true, action: { type: 'win' } };
    case 'lose': {
      const reasonHint = `Say why, then who won if you know: ${example('lose price to Globex')}.`;
      const to = rest.findLastIndex((t, i) => i >= 1 && i < rest.length - 1 && keywordOf(t) === 'to');
      const reason = freeTextOf(source, to === -1 ? rest : rest.slice(0, to));
      if (reason === '' || (keywordOf(rest[0]) === 'to' && rest.length > 1)) {
        return { ok: false, message: 'Why was it lost?', hint: reasonHint };
      }
      const competitor = to === -1 ? null : wordsOf(rest.slice(to + 1));
      return { ok: true, action: { type: 'lose', reason, competitor } };
    }
    case 'note':
      if (text === '') return { ok: false, message: 'What should the note say?', hint: `Add the text: ${example('note sent the revised quote')}.` };
      return { ok: true, action: { type: 'note', text } };
  }
}

/** Parses the words after `deal`. */
export function parseDeal(source: string, args: readonly Token[], context: CommandContext): ParseResult {
  if (args.length === 0) {
    return commandError('deal', { message: 'Which deal?', understood: 'deal', hint: 'Name the deal, then what to do: deal acme stage proposal.' });
  }
  const found = findAction(args);
  if (!found) {
    const first = keywordOf(args[0]);
    if (first !== null && ACTION_WORDS.has(first)) {
      return commandError('deal', {
        message: 'Which deal?',
        understood: 'deal',
        hint: `Name the deal before the action: deal acme ${freeTextOf(source, args)}.`,
      });
    }
    const query = wordsOf(args);
    return commandError('deal', { message: `What should happen to deal ${echo(query)}?`, understood: `deal ${echo(query)}`, hint: DEAL_ACTIONS_HINT });
  }
  const query = wordsOf(args.slice(0, found.index));
  if (query === '') {
    return commandError('deal', { message: 'Which deal?', understood: 'deal', hint: `Name the deal before the action: deal acme ${found.word}.` });
  }
  const read = readAction(source, found, args.slice(found.index + 1), query, context);
  if (!read.ok) {
    return commandError('deal', { message: read.message, understood: `deal ${echo(query)} ${found.word}`, hint: read.hint });
  }
  return { ok: true, command: { kind: 'deal', query, action: read.action } };
}
