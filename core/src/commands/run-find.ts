import type { CardKey } from '../lookup/customer-card.service.js';
import type { LookupMatch } from '../lookup/lookup.service.js';
import type { Actor } from '../services/context.js';
import type { Command } from './command.schema.js';
import type { CommandDeps, FindOutcome } from './command-outcome.js';
import { count, quoted } from './outcome-text.js';

type FindCommand = Extract<Command, { kind: 'find' }>;

/** Matches listed for `find`; a longer list belongs in a search page, not a chat reply. */
const FIND_LIMIT = 10;

/**
 * The match `find` can open straight away, or null when the person should pick: an exact
 * email address, the only match, or an exact name with no other exact name beside it.
 */
export function clearTopMatch(matches: readonly LookupMatch[]): LookupMatch | null {
  const [first, second] = matches;
  if (!first) return null;
  if (!second || first.matchedBy === 'email') return first;
  if (first.matchedBy === 'canonical_email' || first.matchedBy === 'exact_name') return second.matchedBy === first.matchedBy ? null : first;
  return null;
}

/** How a match is named in a sentence: "Ann Lee at Acme Corp", "Acme Corp". */
function matchName(match: LookupMatch): string {
  if (match.kind === 'account') return match.account.name;
  return match.account ? `${match.contact.name} at ${match.account.name}` : match.contact.name;
}

const cardKey = (match: LookupMatch): CardKey =>
  match.kind === 'contact' ? { contactId: match.contact.id } : { accountId: match.account.id };

/** Runs `find <query>`: the ranked matches, and the top one's card when it is clearly the one meant. */
export async function runFind(deps: CommandDeps, actor: Actor, command: FindCommand): Promise<FindOutcome> {
  const matches = await deps.services.lookup.lookup(actor, command.query, { limit: FIND_LIMIT });
  const top = clearTopMatch(matches);
  const card = top ? await deps.services.cards.card(actor, cardKey(top)) : null;
  return { kind: 'find', query: command.query, matches, card, summary: findSummary(command.query, matches, top) };
}

function findSummary(query: string, matches: readonly LookupMatch[], top: LookupMatch | null): string {
  if (matches.length === 0) {
    return `Nothing matches ${quoted(query)}. Try part of a name, an email address or a web domain.`;
  }
  if (top) {
    const others = matches.length - 1;
    return others === 0 ? `Found ${matchName(top)}.` : `Found ${matchName(top)}, and ${count(others, 'other match', 'other matches')}.`;
  }
  return `${count(matches.length, 'match', 'matches')} for ${quoted(query)}. Pick one to see its card.`;
}
