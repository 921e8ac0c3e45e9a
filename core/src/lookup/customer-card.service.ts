import { userIdsIn } from '../custom-fields/custom-field-values.js';
import { visibleUserIds } from '../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { canonicalEmail, domainOf, isEmail, normalizeEmail } from '../shared/email.js';
import { CrmError, invalidInput, notFound } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { CustomerCard, DealSummary, PersonRef } from './customer-card.js';
import { accountsForDomain } from './lookup.service.js';

export type CardKey = { email: string } | { contactId: string } | { accountId: string };

const DAY_MS = 86_400_000;
const ACTIVITY_COUNT = 10;

export class CustomerCardService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The card for an email address, a contact or an account; `not_found` when nobody matches. */
  async card(actor: Actor, key: CardKey): Promise<CustomerCard> {
    return this.deps.store.read(async (uow) => {
      const found = await resolve(uow, key);
      return this.build(uow, actor, found.contact, found.account, found.matchedBy);
    });
  }

  private async build(uow: UnitOfWork, actor: Actor, contact: Contact | null, account: Account | null, matchedBy: CustomerCard['matchedBy']): Promise<CustomerCard> {
    const now = this.deps.clock.now().getTime();
    const dealFilter = account ? { accountId: account.id } : { primaryContactId: contact?.id ?? '' };
    const [deals, pipelines, activities, colleagues] = await Promise.all([
      uow.deals.list({ ...dealFilter, statuses: ['open'] }, { limit: 50 }),
      uow.pipelines.list(),
      uow.activities.list({ about: about(contact, account, []) }, { limit: ACTIVITY_COUNT }),
      account ? uow.contacts.list({ accountId: account.id }, { limit: 6 }) : Promise.resolve({ items: [], nextCursor: null }),
    ]);
    const openDeals: DealSummary[] = deals.items
      .map((deal) => ({
        deal,
        stageName: pipelines.find((p) => p.id === deal.pipelineId)?.stages.find((s) => s.id === deal.stageId)?.name ?? deal.stageId,
        daysInStage: Math.max(0, Math.floor((now - Date.parse(deal.stageEnteredAt)) / DAY_MS)),
      }))
      .sort((a, b) => (a.deal.expectedCloseDate ?? '9999').localeCompare(b.deal.expectedCloseDate ?? '9999'));
    const visible = await visibleUserIds(uow, actor.user);
    const reminders = await uow.reminders.list(
      { statuses: ['open'], about: about(contact, account, deals.items.map((d) => d.id)), ...(visible?.length === 1 ? { assigneeId: visible[0] } : {}) },
      { limit: 50 },
    );
    const openReminders = reminders.items.filter((r) => visible === null || visible.includes(r.assigneeId));
    const fieldDefinitions = (await uow.customFields.list({})).filter((d) => d.showOnCard);
    const cardRecords = [contact, account, ...openDeals.map((d) => d.deal)].filter((r) => r !== null);
    const personIds = new Set<string>([
      ...(contact ? [contact.ownerId] : []),
      ...(account ? [account.ownerId] : []),
      ...openDeals.map((d) => d.deal.ownerId),
      ...activities.items.map((a) => a.authorId),
      ...openReminders.map((r) => r.assigneeId),
      ...cardRecords.flatMap((r) => userIdsIn(fieldDefinitions, r.customFields)),
    ]);
    const people: Record<string, PersonRef> = {};
    for (const user of await uow.users.getMany([...personIds])) people[user.id] = { id: user.id, name: user.name, email: user.email };
    return {
      contact,
      account,
      colleagues: colleagues.items.filter((c) => c.id !== contact?.id).slice(0, 5),
      openDeals,
      lastActivities: activities.items,
      openReminders,
      people,
      matchedBy,
      fieldDefinitions,
    };
  }
}

function about(contact: Contact | null, account: Account | null, dealIds: string[]) {
  return {
    ...(contact ? { contactIds: [contact.id] } : {}),
    ...(account ? { accountIds: [account.id] } : {}),
    ...(dealIds.length > 0 ? { dealIds } : {}),
  };
}

async function resolve(uow: UnitOfWork, key: CardKey): Promise<{ contact: Contact | null; account: Account | null; matchedBy: CustomerCard['matchedBy'] }> {
  if ('contactId' in key) {
    const contact = await uow.contacts.get(key.contactId);
    if (!contact) throw notFound('contact', key.contactId);
    return { contact, account: contact.accountId ? await uow.accounts.get(contact.accountId) : null, matchedBy: 'id' };
  }
  if ('accountId' in key) {
    const account = await uow.accounts.get(key.accountId);
    if (!account) throw notFound('account', key.accountId);
    return { contact: null, account, matchedBy: 'id' };
  }
  if (typeof key.email !== 'string' || !isEmail(key.email)) throw invalidInput('Give an email address such as ann@acme.com.', [{ path: 'email', message: 'Not an email address.' }]);
  const email = normalizeEmail(key.email);
  const found = await whoHasAddress(uow, email);
  if (found) return found;
  throw new CrmError('not_found', `Nobody in the CRM has the address ${email}, and no account has the domain ${domainOf(email)}.`, {
    details: { email },
  });
}

/**
 * Who an email address belongs to: the contact with it (exactly, or the same mailbox written
 * another way), else the account whose domain it is; null when neither.
 */
export async function whoHasAddress(uow: UnitOfWork, email: string): Promise<{ contact: Contact | null; account: Account | null; matchedBy: CustomerCard['matchedBy'] } | null> {
  // Every holder of the exact address also holds its canonical form: one read finds both.
  const holders = await uow.contacts.findByCanonicalEmail(canonicalEmail(email));
  const exact = holders.find((c) => c.emails.some((e) => normalizeEmail(e) === email));
  const contact = exact ?? holders[0] ?? null;
  if (contact) {
    return { contact, account: contact.accountId ? await uow.accounts.get(contact.accountId) : null, matchedBy: exact ? 'email' : 'canonical_email' };
  }
  const account = (await accountsForDomain(uow, domainOf(email)))[0];
  return account ? { contact: null, account, matchedBy: 'domain' } : null;
}
