import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { CustomFieldObjectType } from '../custom-fields/custom-field.schema.js';
import type { Ids } from '../shared/ids.js';
import type { ConnectorUnitOfWork } from '../store/connector-unit-of-work.js';
import type { RemoteKind } from './connector.schema.js';
import type { RemoteRecord, RemoteSchema } from './crm-connector.port.js';
import { customFieldKeyFor, customFieldTypeFor, optionIdFor } from './remote-mapping.js';
import { applyDeal } from './remote-deals.js';
import { mapAccount, mapContact, mapDeal, type MappingContext } from './remote-records.js';

/** What applying a remote record did: `skipped` when Rapport already holds that version (a repeated notification). */
export type ApplyOutcome = 'created' | 'updated' | 'skipped' | 'unsupported';

export interface ApplyContext {
  connectionId: string;
  mapping: MappingContext;
  ids: Ids;
  now: string;
  /** Owner of records whose remote owner is no Rapport user. */
  fallbackOwnerId: string;
}

const OBJECT_TYPES: Partial<Record<string, CustomFieldObjectType>> = { companies: 'account', contacts: 'contact', deals: 'deal' };

/** Defines a custom field for each remote property Rapport has no field for (once; existing definitions stay). */
export async function defineRemoteFields(uow: ConnectorUnitOfWork, schema: RemoteSchema, ids: Ids, now: string): Promise<number> {
  let added = 0;
  for (const property of schema.properties) {
    const objectType = OBJECT_TYPES[property.object];
    if (!objectType) continue;
    const key = customFieldKeyFor(objectType, property.name);
    const existing = await uow.customFields.list({ objectType, includeDeleted: true });
    if (existing.some((field) => field.key === key)) continue;
    await uow.customFields.insert({
      id: ids.next('customField'), objectType, key, label: property.label.slice(0, 100) || key, helpText: `From the remote CRM's property ${property.name}.`,
      type: customFieldTypeFor(property), required: false,
      options: property.options.slice(0, 200).map((o) => ({ id: optionIdFor(o.value), label: o.label.slice(0, 100) || o.value })),
      showOnCard: false, position: existing.length, deletedAt: null, version: 1, createdAt: now, updatedAt: now,
    });
    added += 1;
  }
  return added;
}

async function ownerIdFor(uow: ConnectorUnitOfWork, email: string | null, fallback: string): Promise<string> {
  if (!email) return fallback;
  return (await uow.users.findByEmail(email))?.id ?? fallback;
}

async function localIdOf(uow: ConnectorUnitOfWork, connectionId: string, kind: RemoteKind, remoteId: string | null): Promise<string | null> {
  if (!remoteId) return null;
  return (await uow.connectors.findByRemote(connectionId, kind, remoteId))?.localId ?? null;
}

/**
 * Writes one remote record into Rapport's copy and links it. A record whose remote modification
 * time is not newer than the linked copy's changes nothing, so a repeated webhook is harmless.
 * Accounts, contacts and deals are applied; other kinds come back `unsupported` for now.
 */
export async function applyRemoteRecord(uow: ConnectorUnitOfWork, record: RemoteRecord, ctx: ApplyContext): Promise<ApplyOutcome> {
  if (record.kind !== 'account' && record.kind !== 'contact' && record.kind !== 'deal') return 'unsupported';
  const link = await uow.connectors.findByRemote(ctx.connectionId, record.kind, record.remoteId);
  if (link?.remoteModifiedAt && link.remoteModifiedAt >= record.modifiedAt) return 'skipped';
  const localId = link?.localId ?? ctx.ids.next(record.kind);
  const outcome =
    record.kind === 'account' ? await applyAccount(uow, record, ctx, localId, link !== null)
    : record.kind === 'contact' ? await applyContact(uow, record, ctx, localId, link !== null)
    : await applyDeal(uow, record, ctx, localId, await ownerIdFor(uow, mapDeal(record, ctx.mapping).ownerEmail, ctx.fallbackOwnerId));
  if (outcome === 'created' || outcome === 'updated') {
    await uow.connectors.saveLink({ connectionId: ctx.connectionId, kind: record.kind, localId, remoteId: record.remoteId, remoteUrl: record.url, remoteModifiedAt: record.modifiedAt });
  }
  return outcome;
}

async function applyAccount(uow: ConnectorUnitOfWork, record: RemoteRecord, ctx: ApplyContext, id: string, linked: boolean): Promise<ApplyOutcome> {
  const mapped = mapAccount(record, ctx.mapping);
  const ownerId = await ownerIdFor(uow, mapped.ownerEmail, ctx.fallbackOwnerId);
  const current = linked ? await uow.accounts.get(id) : null;
  // A domain another account already holds stays with that account rather than failing the sync.
  const taken = new Set((await uow.accounts.findByDomains(mapped.domains)).filter((a) => a.id !== id).flatMap((a) => a.domains));
  const fields = { name: mapped.name, domains: mapped.domains.filter((d) => !taken.has(d)), industry: mapped.industry, ownerId, customFields: { ...current?.customFields, ...mapped.customFields } };
  if (current) return (await uow.accounts.update({ ...current, ...fields, version: current.version + 1, updatedAt: ctx.now })) ? 'updated' : 'skipped';
  const account: Account = { id, ...fields, size: null, lifecycle: 'prospect', segment: null, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  await uow.accounts.insert(account);
  return 'created';
}

async function applyContact(uow: ConnectorUnitOfWork, record: RemoteRecord, ctx: ApplyContext, id: string, linked: boolean): Promise<ApplyOutcome> {
  const mapped = mapContact(record, ctx.mapping);
  const ownerId = await ownerIdFor(uow, mapped.ownerEmail, ctx.fallbackOwnerId);
  const accountId = await localIdOf(uow, ctx.connectionId, 'account', mapped.accountRemoteId);
  const current = linked ? await uow.contacts.get(id) : null;
  const taken = new Set((await uow.contacts.findByEmails(mapped.emails)).filter((c) => c.id !== id).flatMap((c) => c.emails));
  const fields = { name: mapped.name, emails: mapped.emails.filter((e) => !taken.has(e)), phones: mapped.phones, title: mapped.title, ownerId, accountId, customFields: { ...current?.customFields, ...mapped.customFields } };
  if (current) return (await uow.contacts.update({ ...current, ...fields, version: current.version + 1, updatedAt: ctx.now })) ? 'updated' : 'skipped';
  const contact: Contact = { id, ...fields, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  await uow.contacts.insert(contact);
  return 'created';
}
