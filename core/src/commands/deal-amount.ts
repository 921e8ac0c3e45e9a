import type { Deal } from '../deals/deal.schema.js';
import { CrmError } from '../shared/errors.js';
import { parseAmount } from '../shared/money.js';
import type { DealAction } from './command.schema.js';
import { quoted } from './outcome-text.js';

type AmountAction = Extract<DealAction, { type: 'amount' }>;

/**
 * Symbols that stand for several currencies, with the ones each may mean. "$80k" on a USD
 * or CAD deal is read in the deal's currency; on a EUR deal it is refused like "80k USD".
 */
const SHARED_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP', 'BRL'],
  '¥': ['JPY', 'CNY'],
};

/** The number as typed, without its currency: "€ 9.99" → "9.99". */
const withoutCurrency = (text: string): string =>
  text
    .replace(/[$€£¥₩₹]/gu, '')
    .replace(/^\s*[A-Za-z]{3}\s*(?=\d)|(?<=\d)\s*[A-Za-z]{3}\s*$/gu, '')
    .trim();

function refuse(deal: Deal, named: string, action: AmountAction, query: string): CrmError {
  const currency = deal.amount.currency;
  return new CrmError(
    'invalid_input',
    `${quoted(deal.title)} is in ${currency}, not ${named}: amounts stay in the deal's currency. ` +
      `Type the amount in ${currency}, or without a currency: deal ${query} amount ${withoutCurrency(action.text) || '12.5k'}.`,
    { issues: [{ path: 'amount.currency', message: `Use ${currency}.` }], details: { dealCurrency: currency, typedCurrency: named } },
  );
}

/**
 * The typed amount in minor units of the deal's own currency ("12.5k" on a EUR deal is
 * 1,250,000 cents). A currency that differs from the deal's is refused, never converted.
 */
export function amountForDeal(action: AmountAction, deal: Deal, query: string): number {
  const currency = deal.amount.currency;
  if (action.currency !== null && action.currency !== currency) throw refuse(deal, action.currency, action, query);
  for (const [symbol, currencies] of Object.entries(SHARED_SYMBOLS)) {
    if (action.text.includes(symbol) && !currencies.includes(currency)) throw refuse(deal, symbol, action, query);
  }
  const minor = parseAmount(action.text, currency);
  if (minor === null) {
    throw new CrmError('invalid_input', `${quoted(action.text)} is not an amount. Type a number such as 12500, 12,500 or 12.5k.`, {
      issues: [{ path: 'amount', message: 'Not an amount.' }],
    });
  }
  return minor;
}
