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
      return rank(dedupe(matches)).slice(0, limit);
    });
  }
}

async function byEmail(uow: UnitOfWork, email: string): Promise<LookupMatch[]> {
  const exact = await uow.contacts.findByEmails([normalizeEmail(email)]);
  const canonical = (await uow.contacts.findByCanonicalEmail(canonicalEmail(email))).filter((c) => !exact.some((e) => e.id === c.id));
  const contacts = [...exact.map((c) => [c, 'email'] as const), ...canonical.map((c) => [c, 'canonical_email'] as const)];
  const accounts = await uow.accounts.getMany([...new Set(contacts.map(([c]) => c.accountId).filter((id): id is string => id !== null))]);
  const matches: LookupMatch[] = contacts.map(([contact, matchedBy]) => ({
    kind: 'contact',
    contact,
    account: accounts.find((a) => a.id === contact.accountId) ?? null,
    matchedBy,
  }));
  matches.push(...(await byDomain(uow, domainOf(email))));
  return matches;
}

/** Accounts holding the domain or, failing that, its nearest parent (eu.acme.com → acme.com). Never a free-mail domain. */
export async function accountsForDomain(uow: UnitOfWork, domain: string): Promise<Account[]> {
  for (const candidate of domainAndParents(domain)) {
    if (isFreeMailDomain(candidate)) return [];
    const accounts = await uow.accounts.findByDomains([candidate]);
    if (accounts.length > 0) return accounts;
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
  const contactAccounts = await uow.accounts.getMany([...new Set(contacts.map((c) => c.accountId).filter((id): id is string => id !== null))]);
  return [
    ...contacts.map((contact): LookupMatch => ({
      kind: 'contact',
      contact,
      account: contactAccounts.find((a) => a.id === contact.accountId) ?? null,
      matchedBy: reason(contact.name),
    })),
    ...accounts.map((account): LookupMatch => ({ kind: 'account', account, matchedBy: reason(account.name) })),
  ];
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
