import type { LookupMatch } from '@rapport/core';
import type { LookupView } from '../shared/views.js';

/** A lookup match as the popup lists it. */
export function lookupView(match: LookupMatch): LookupView {
  if (match.kind === 'contact') {
    return {
      kind: 'contact',
      id: match.contact.id,
      name: match.contact.name,
      detail: [match.contact.title, match.account?.name].filter(Boolean).join(' · ') || (match.contact.emails[0] ?? ''),
      email: match.contact.emails[0] ?? null,
      account: match.account ? { id: match.account.id, name: match.account.name } : null,
    };
  }
  return { kind: 'account', id: match.account.id, name: match.account.name, detail: match.account.domains.join(', '), email: null, account: { id: match.account.id, name: match.account.name } };
}

/** "Zoë Ångström (Acme)" from whatever a reminder is linked to. */
export function aboutText(contactName: string | null | undefined, accountName: string | null | undefined): string | null {
  if (contactName && accountName) return `${contactName} (${accountName})`;
  return contactName ?? accountName ?? null;
}
