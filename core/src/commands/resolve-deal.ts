import type { Deal } from '../deals/deal.schema.js';
import type { LookupMatch, MatchReason } from '../lookup/lookup.service.js';
import type { Actor } from '../services/context.js';
import type { Services } from '../services/create-services.js';
import { CrmError } from '../shared/errors.js';
import { compareCodePoints, matchesAllWords, queryWords, searchTerms, sortKey } from '../shared/text.js';
import type { DealFilter } from '../deals/deal.port.js';
import { listed, quoted } from './outcome-text.js';

/**
 * Finds the deal a `deal <query> …` command means. The query is a deal id, or customer words
 * optionally followed by words of the deal's title: "acme", "ann@acme.com", "acme renewal",
 * "华为". The longest run of leading words that finds a customer (account or contact) names
 * the customer; their open deals are the candidates; any words left must each start a word
 * of the deal's title. When several deals remain, deals found by an exact email or exact
 * name are preferred, then deals the person typing owns or collaborates on.
 */

/** A deal the query may mean, with the name of its account. */
export interface ResolvedDeal {
  deal: Deal;
  accountName: string;
}

const DEAL_ID_PATTERN = /^deal_[0-9a-z]+$/i;

/** Customers looked at per query; their deals are listed one page each. */
const MAX_CUSTOMERS = 20;
const DEALS_PER_CUSTOMER = 100;
const STRONG: ReadonlySet<MatchReason> = new Set(['email', 'canonical_email', 'exact_name']);

interface Found extends ResolvedDeal {
  /** Reached through an exact email or an exact name. */
  strong: boolean;
}

/**
 * The deals `query` may mean, best first: one when it is clear, several when the person
 * should pick. Throws `not_found`, saying what was searched, when nothing matches.
 */
export async function resolveDeal(services: Services, actor: Actor, query: string): Promise<ResolvedDeal[]> {
  const text = query.trim();
  if (DEAL_ID_PATTERN.test(text)) return [await dealById(services, actor, text.toLowerCase())];
  const words = text.split(/\s+/u).filter((w) => w.length > 0);
  for (let n = words.length; n >= 1; n -= 1) {
    const customerText = words.slice(0, n).join(' ');
    const matches = await services.lookup.lookup(actor, customerText, { limit: MAX_CUSTOMERS });
    if (matches.length === 0) continue;
    const titleText = words.slice(n).join(' ');
    const titleWords = queryWords(titleText);
    const found = (await openDealsOf(services, actor, matches)).filter((f) => matchesAllWords(searchTerms(f.deal.title), titleWords));
    if (found.length === 0) throw noOpenDeal(text, customerText, titleText, matches);
    const userId = actor.user.id;
    const best = prefer(prefer(found, (f) => f.strong), (f) => f.deal.ownerId === userId || f.deal.collaboratorIds.includes(userId));
    return best
      .sort(
        (a, b) =>
          compareCodePoints(sortKey(a.accountName), sortKey(b.accountName)) ||
          compareCodePoints(sortKey(a.deal.title), sortKey(b.deal.title)) ||
          compareCodePoints(a.deal.id, b.deal.id),
      )
      .map(({ deal, accountName }) => ({ deal, accountName }));
  }
  throw new CrmError(
    'not_found',
    `No account or contact matches ${quoted(text)}, so there is no deal to change. Type find ${text} to check the name, or give the deal's id.`,
    { details: { query: text, customers: [] } },
  );
}

/** The items that pass `test`, or all of them when none does. */
function prefer<T>(items: T[], test: (item: T) => boolean): T[] {
  const kept = items.filter(test);
  return kept.length > 0 ? kept : items;
}

async function dealById(services: Services, actor: Actor, id: string): Promise<ResolvedDeal> {
  try {
    const deal = await services.deals.get(actor, id);
    const account = await services.accounts.get(actor, deal.accountId);
    return { deal, accountName: account.name };
  } catch (error) {
    if (error instanceof CrmError && error.code === 'not_found') {
      throw new CrmError('not_found', `No deal with id ${id}. Type find <customer> to see a customer's open deals, or name the deal by its account: deal acme win.`, {
        details: { query: id },
        cause: error,
      });
    }
    throw error;
  }
}

/** Whose deals a match stands for: an account's, a contact's account's, or a contact's own. */
function dealFilterOf(match: LookupMatch): DealFilter {
  if (match.kind === 'account') return { accountId: match.account.id };
  return match.contact.accountId ? { accountId: match.contact.accountId } : { primaryContactId: match.contact.id };
}

async function openDealsOf(services: Services, actor: Actor, matches: readonly LookupMatch[]): Promise<Found[]> {
  const names = new Map<string, string>();
  const sources = new Map<string, { filter: DealFilter; strong: boolean }>();
  for (const match of matches) {
    if (match.account) names.set(match.account.id, match.account.name);
    const filter = dealFilterOf(match);
    const key = filter.accountId ?? `contact:${filter.primaryContactId ?? ''}`;
    sources.set(key, { filter, strong: (sources.get(key)?.strong ?? false) || STRONG.has(match.matchedBy) });
  }
  const found = new Map<string, Found>();
  for (const source of sources.values()) {
    const page = await services.deals.list(actor, { ...source.filter, statuses: ['open'] }, { limit: DEALS_PER_CUSTOMER });
    for (const deal of page.items) {
      const seen = found.get(deal.id);
      found.set(deal.id, { deal, accountName: names.get(deal.accountId) ?? '', strong: (seen?.strong ?? false) || source.strong });
    }
  }
  for (const item of found.values()) {
    if (item.accountName === '') item.accountName = (await services.accounts.get(actor, item.deal.accountId)).name;
  }
  return [...found.values()];
}

function noOpenDeal(query: string, customerText: string, titleText: string, matches: readonly LookupMatch[]): CrmError {
  const customers = [...new Set(matches.map((m) => m.account?.name ?? (m.kind === 'contact' ? m.contact.name : '')))];
  const shown = customers.length > 3 ? [...customers.slice(0, 3), `${customers.length - 3} more`] : customers;
  const details = { query, customers, titleWords: titleText };
  if (titleText === '') {
    return new CrmError('not_found', `${listed(shown, 'and')} ${customers.length === 1 ? 'has' : 'have'} no open deals. Type find ${customerText} to see ${customers.length === 1 ? 'the customer' : 'the customers'}.`, { details });
  }
  return new CrmError(
    'not_found',
    `No open deal of ${listed(shown, 'or')} has ${quoted(titleText)} in its title. Type find ${customerText} to see ${customers.length === 1 ? 'its' : 'their'} open deals.`,
    { details },
  );
}
