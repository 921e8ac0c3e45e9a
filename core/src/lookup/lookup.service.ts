import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { canonicalEmail, domainAndParents, domainOf, isDomain, isEmail, isFreeMailDomain, normalizeDomain, normalizeEmail } from '../shared/email.js';
import { invalidInput } from '../shared/errors.js';
import { compareCodePoints, queryWords, sortKey } from '../shared/text.js';
import type { UnitOfWork } from '../store/store.port.js';

/** Why a record matched, best first. */
export const MATCH_REASONS = ['email', 'canonical_email', 'domain', 'exact_name', 'name_prefix', 'word_prefix'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export type LookupMatch =
  | { kind: 'contact'; contact: Contact; account: Account | null; matchedBy: MatchReason }
  | { kind: 'account'; account: Account; matchedBy: MatchReason };

export const MAX_LOOKUP_RESULTS = 50;

/**
 * Finds customers by what people type: an email (exact, case-insensitive, "+tag" aware),
 * a web domain (an unknown sender at a known domain finds the account), or name words in
 * any script ("acme", "ann lee", "华为"). Ranked: exact email first, then domain, then names.
 */
export class LookupService {
  constructor(private readonly deps: ServiceDeps) {}

  async lookup(_actor: Actor, query: string, options: { limit?: number } = {}): Promise<LookupMatch[]> {
    const text = typeof query === 'string' ? query.trim() : '';
    if (text.length === 0) throw invalidInput('Type a name, a company, an email address or a web domain to look up.', [{ path: 'q', message: 'Empty.' }]);
    if (text.length > 200) throw invalidInput('Look up at most 200 characters.', [{ path: 'q', message: 'Too long.' }]);
    const limit = Math.min(Math.max(options.limit ?? 10, 1), MAX_LOOKUP_RESULTS);
    return this.deps.store.read(async (uow) => {
      const matches: LookupMatch[] = [];
      if (isEmail(text)) matches.push(...(await byEmail(uow, text)));
      else if (!/\s/.test(text) && isDomain(text)) matches.push(...(await byDomain(uow, normalizeDomain(text))));
      if (!isEmail(text)) matches.push(...(await byName(uow, text, limit)));
      return withAccounts(uow, rank(dedupe(matches)).slice(0, limit));
    });
  }
}

/**
 * Contacts holding the address (or the same mailbox written another way: "+tag", Gmail dots)
 * and accounts holding its domain: one read of contacts by canonical address, one of accounts
 * by domain, and a third only for a contact's account the domain did not already bring.
 */
async function byEmail(uow: UnitOfWork, email: string): Promise<LookupMatch[]> {
  const normalized = normalizeEmail(email);
  const [holders, domainAccounts] = await Promise.all([uow.contacts.findByCanonicalEmail(canonicalEmail(email)), accountsForDomain(uow, domainOf(email))]);
  const holdsExactly = (c: Contact): boolean => c.emails.some((e) => normalizeEmail(e) === normalized);
  const missing = [...new Set(holders.map((c) => c.accountId).filter((id): id is string => id !== null && !domainAccounts.some((a) => a.id === id)))];
  const accounts = [...domainAccounts, ...(missing.length > 0 ? await uow.accounts.getMany(missing) : [])];
  const matches: LookupMatch[] = holders.map((contact) => ({
    kind: 'contact',
    contact,
    account: accounts.find((a) => a.id === contact.accountId) ?? null,
    matchedBy: holdsExactly(contact) ? 'email' : 'canonical_email',
  }));
  matches.push(...domainAccounts.map((account): LookupMatch => ({ kind: 'account', account, matchedBy: 'domain' })));
  return matches;
}

/**
 * Accounts holding the domain or, failing that, its nearest parent (eu.acme.com → acme.com),
 * read in one query. Never a free-mail domain, nor a parent of one.
 */
export async function accountsForDomain(uow: UnitOfWork, domain: string): Promise<Account[]> {
  const all = domainAndParents(domain);
  const freeMail = all.findIndex((candidate) => isFreeMailDomain(candidate));
  const candidates = freeMail === -1 ? all : all.slice(0, freeMail);
  if (candidates.length === 0) return [];
  const accounts = await uow.accounts.findByDomains(candidates);
  for (const candidate of candidates) {
    const holding = accounts.filter((a) => a.domains.some((d) => normalizeDomain(d) === candidate));
    if (holding.length > 0) return holding;
  }
  return [];
}

async function byDomain(uow: UnitOfWork, domain: string): Promise<LookupMatch[]> {
  return (await accountsForDomain(uow, domain)).map((account) => ({ kind: 'account', account, matchedBy: 'domain' }));
}

async function byName(uow: UnitOfWork, text: string, limit: number): Promise<LookupMatch[]> {
  const words = queryWords(text);
  if (words.length === 0) return [];
  const { contacts, accounts } = await uow.search.customers({ words, limit: Math.min(limit * 3, 100) });
  const wanted = sortKey(text);
  const reason = (name: string): MatchReason => {
    const key = sortKey(name);
    if (key === wanted) return 'exact_name';
    return key.startsWith(wanted) ? 'name_prefix' : 'word_prefix';
  };
  return [
    // Each contact's account is read once the page is known (withAccounts): most of these are not shown.
    ...contacts.map((contact): LookupMatch => ({ kind: 'contact', contact, account: null, matchedBy: reason(contact.name) })),
    ...accounts.map((account): LookupMatch => ({ kind: 'account', account, matchedBy: reason(account.name) })),
  ];
}

/** Gives each contact match found by name its account, in one read for the whole page. */
async function withAccounts(uow: UnitOfWork, matches: LookupMatch[]): Promise<LookupMatch[]> {
  const needed = (m: LookupMatch): string | null => (m.kind === 'contact' && m.account === null ? m.contact.accountId : null);
  const ids = [...new Set(matches.map(needed).filter((id): id is string => id !== null))];
  if (ids.length === 0) return matches;
  const accounts = new Map((await uow.accounts.getMany(ids)).map((a) => [a.id, a]));
  return matches.map((m) => (m.kind === 'contact' && needed(m) !== null ? { ...m, account: accounts.get(m.contact.accountId ?? '') ?? null } : m));
}

const matchKey = (m: LookupMatch): string => (m.kind === 'contact' ? m.contact.id : m.account.id);
const matchName = (m: LookupMatch): string => sortKey(m.kind === 'contact' ? m.contact.name : m.account.name);

function dedupe(matches: LookupMatch[]): LookupMatch[] {
  const best = new Map<string, LookupMatch>();
  for (const match of matches) {
    const seen = best.get(matchKey(match));
    if (!seen || MATCH_REASONS.indexOf(match.matchedBy) < MATCH_REASONS.indexOf(seen.matchedBy)) best.set(matchKey(match), match);
  }
  return [...best.values()];
}

function rank(matches: LookupMatch[]): LookupMatch[] {
  return matches.sort(
    (a, b) =>
      MATCH_REASONS.indexOf(a.matchedBy) - MATCH_REASONS.indexOf(b.matchedBy) ||
      (a.kind === b.kind ? 0 : a.kind === 'contact' ? -1 : 1) ||
      compareCodePoints(matchName(a), matchName(b)) ||
      compareCodePoints(matchKey(a), matchKey(b)),
  );
}
