/** What an activity or reminder is about: any of these ids links it (OR). */
export interface AboutFilter {
  contactIds?: readonly string[];
  accountIds?: readonly string[];
  dealIds?: readonly string[];
}

interface Linked {
  contactId: string | null;
  accountId: string | null;
  dealId: string | null;
}

/** True when the record links to any id of the filter; a filter naming no ids matches nothing. */
export function linkedTo(record: Linked, about: AboutFilter): boolean {
  const hit = (ids: readonly string[] | undefined, id: string | null): boolean => id !== null && (ids ?? []).includes(id);
  return hit(about.contactIds, record.contactId) || hit(about.accountIds, record.accountId) || hit(about.dealIds, record.dealId);
}
