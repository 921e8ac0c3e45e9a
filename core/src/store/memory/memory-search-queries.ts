import type { Account } from '../../accounts/account.schema.js';
import type { Contact } from '../../contacts/contact.schema.js';
import { accountSearchTerms, contactSearchTerms } from '../../lookup/search-terms.js';
import { matchesAllWords } from '../../shared/text.js';
import type { CustomerSearch, SearchQueries } from '../../lookup/search.port.js';
import type { MemoryState } from './memory-state.js';
import { byName, sortBy } from '../record-paging.js';

/** The reference search: every record's terms checked against every word. */
export class MemorySearchQueries implements SearchQueries {
  constructor(private readonly state: MemoryState) {}

  async customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }> {
    const limit = Math.max(0, query.limit);
    const contacts = this.state.contacts.all().filter((c) => matchesAllWords(contactSearchTerms(c), query.words));
    const accounts = this.state.accounts.all().filter((a) => matchesAllWords(accountSearchTerms(a), query.words));
    return {
      contacts: sortBy(contacts, byName<Contact>()).slice(0, limit),
      accounts: sortBy(accounts, byName<Account>()).slice(0, limit),
    };
  }
}
