import type { Account } from '../accounts/account.schema.js';
import type { Activity } from '../activities/activity.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import { changedFields, recordEvent } from '../events/record-event.js';
import type { EntityType } from '../events/event.schema.js';
import type { Actor } from '../services/context.js';
import type { Clock } from '../shared/clock.js';
import { ID_PREFIXES, type IdKind, type Ids } from '../shared/ids.js';
import { Id } from '../shared/schema.js';
import type { ImportLink } from './import-ledger.port.js';
import type { ImportUnitOfWork } from '../store/import-store.js';
import { nameKey, type ImportMemo } from './import-memo.js';
import type { ImportRow } from './import-row.js';
import { resolveStage } from './import-stages.js';
import type { ImportKind, ImportOptions } from './import.schema.js';
import { importedCustomFields } from './import-custom-fields.js';
import { customFieldsToCreate } from '../custom-fields/custom-field-record.js';
import { mergeCustomFields } from '../custom-fields/custom-field-values.js';
import type { CustomFieldObjectType, CustomFieldValues } from '../custom-fields/custom-field.schema.js';
import { CrmError } from '../shared/errors.js';

export type RowOutcome = { action: 'create' | 'update' | 'skip' } | { action: 'reject'; reason: string };

/** What applying rows needs: who imports, ids and time, the run's memo, and whether to write (false: the preview). */
export interface ApplyContext {
  actor: Actor;
  deps: { clock: Clock; ids: Ids };
  memo: ImportMemo;
  options: Required<Pick<ImportOptions, 'stages'>>;
  write: boolean;
}

class RowRejected extends Error {}
const reject = (reason: string): never => {
  throw new RowRejected(reason);
};

/**
 * Applies one row: matches it to a record already there (by its external id, then by email
 * for contacts and web domain for accounts), creates, updates or skips it, and keeps its
 * external id. Nothing is written when `ctx.write` is false, so the preview counts exactly what
 * the run will do. A row is written whole (record, event, links) in the caller's transaction.
 */
export async function applyRow(uow: ImportUnitOfWork, ctx: ApplyContext, row: ImportRow): Promise<RowOutcome> {
  try {
    switch (row.kind) {
      case 'user': return await applyUser(uow, ctx, row);
      case 'account': return await applyAccount(uow, ctx, row);
      case 'contact': return await applyContact(uow, ctx, row);
      case 'deal': return await applyDeal(uow, ctx, row);
      case 'activity': return await applyActivity(uow, ctx, row);
    }
  } catch (error) {
    if (error instanceof RowRejected) return { action: 'reject', reason: error.message };
    throw error;
  }
}

type Row<K extends ImportKind> = Extract<ImportRow, { kind: K }>;

async function applyUser(uow: ImportUnitOfWork, ctx: ApplyContext, row: Row<'user'>): Promise<RowOutcome> {
  const user = row.email ? ctx.memo.userByEmail(row.email) : null;
  if (!user || !row.externalId) return { action: 'skip' };
  await link(uow, ctx, 'user', [row.externalId], user.id);
  return { action: 'skip' };
}

async function ownerOf(uow: ImportUnitOfWork, ctx: ApplyContext, owner: string | null): Promise<string> {
  if (owner === null) return ctx.actor.user.id;
  const user = await ctx.memo.owner(uow.importLinks, owner);
  return user?.id ?? reject(`Unknown owner: "${owner}" is no Rapport user's email or name.`);
}

/** The record this row was imported as before, by its external id; a Rapport export's ids are the records themselves. */
async function previous(uow: ImportUnitOfWork, ctx: ApplyContext, kind: ImportKind, externalId: string | null): Promise<string | null> {
  if (externalId === null) return null;
  const linked = await ctx.memo.resolve(uow.importLinks, kind, { id: externalId, name: null });
  if (linked !== null || ctx.memo.source !== 'rapport' || !Id.safeParse(externalId).success) return linked;
  const repositories = { account: uow.accounts, contact: uow.contacts, deal: uow.deals, activity: uow.activities } as const;
  const same = kind === 'user' ? null : await repositories[kind].get(externalId);
  return same ? same.id : null;
}

/** A new record's id: Rapport's own export keeps its ids, so a restored hub links as the old one did. */
function newId(ctx: ApplyContext, kind: IdKind, externalId: string | null): string {
  if (ctx.memo.source === 'rapport' && externalId !== null && externalId.startsWith(`${ID_PREFIXES[kind]}_`) && Id.safeParse(externalId).success) return externalId;
  return ctx.deps.ids.next(kind);
}

async function link(uow: ImportUnitOfWork, ctx: ApplyContext, kind: ImportKind, keys: ReadonlyArray<string | null>, recordId: string): Promise<void> {
  const links: ImportLink[] = keys.filter((k): k is string => k !== null).map((key) => ({ source: ctx.memo.source, kind, key, recordId }));
  for (const l of links) ctx.memo.remember(kind, l.key, recordId);
  if (ctx.write && links.length > 0) await uow.importLinks.put(links);
}

async function created(uow: ImportUnitOfWork, ctx: ApplyContext, entityType: EntityType, record: { id: string }, write: () => Promise<void>): Promise<RowOutcome> {
  if (ctx.write) {
    await write();
    await recordEvent(uow, ctx.deps, ctx.actor, { type: `${entityType}.${entityType === 'activity' ? 'logged' : 'created'}`, entityType, entityId: record.id, after: record });
  }
  return { action: 'create' };
}

async function updated<T extends { id: string; version: number; updatedAt: string }>(uow: ImportUnitOfWork, ctx: ApplyContext, entityType: EntityType, before: T, patch: Partial<T>, write: (next: T) => Promise<boolean>): Promise<RowOutcome> {
  const next = { ...before, ...patch };
  const diff = changedFields(before, next, ['version', 'updatedAt'] as Array<keyof T>);
  if (!diff) return { action: 'skip' };
  if (ctx.write) {
    const stored = { ...next, version: before.version + 1, updatedAt: ctx.deps.clock.now().toISOString() };
    if (!(await write(stored))) reject(`The ${entityType} changed while importing; import the file again.`);
    await recordEvent(uow, ctx.deps, ctx.actor, { type: `${entityType}.updated`, entityType, entityId: before.id, ...diff });
  }
  return { action: 'update' };
}

async function applyAccount(uow: ImportUnitOfWork, ctx: ApplyContext, row: Row<'account'>): Promise<RowOutcome> {
  const ownerId = await ownerOf(uow, ctx, row.owner);
  const byDomain = row.domains.map((d) => ctx.memo.recall('account', `domain:${d}`)).find((id) => id !== undefined);
  const knownId = (await previous(uow, ctx, 'account', row.externalId)) ?? byDomain ?? ((await uow.accounts.findByDomains(row.domains))[0]?.id ?? null);
  const existing = knownId ? await uow.accounts.get(knownId) : null;
  const keys = [row.externalId, nameKey(row.name), ...row.domains.map((d) => `domain:${d}`)];
  if (existing) {
    const domains = [...new Set([...existing.domains, ...row.domains])];
    const outcome = await updated(uow, ctx, 'account', existing, { name: row.name, domains, ...(row.industry ? { industry: row.industry } : {}), ...(row.size ? { size: row.size } : {}), ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}), ...(row.owner ? { ownerId } : {}), ...(await customPatch(uow, 'account', existing.customFields, row.customFields, '')) }, (next) => uow.accounts.update(next));
    await link(uow, ctx, 'account', keys, existing.id);
    return outcome;
  }
  if (knownId) return { action: 'update' }; // a row above planned it: merged into it
  const now = ctx.deps.clock.now().toISOString();
  const account: Account = { id: newId(ctx, 'account', row.externalId), name: row.name, domains: row.domains, industry: row.industry, size: row.size, ownerId, lifecycle: row.lifecycle ?? 'prospect', segment: null, customFields: await customValues(uow, 'account', row.customFields, ''), version: 1, createdAt: now, updatedAt: now };
  const outcome = await created(uow, ctx, 'account', account, () => uow.accounts.insert(account));
  await link(uow, ctx, 'account', keys, account.id);
  return outcome;
}

async function applyContact(uow: ImportUnitOfWork, ctx: ApplyContext, row: Row<'contact'>): Promise<RowOutcome> {
  const ownerId = await ownerOf(uow, ctx, row.owner);
  const accountId = row.account.id === null && row.account.name === null ? null : await ctx.memo.resolve(uow.importLinks, 'account', row.account);
  if (accountId === null && row.account.id !== null && row.account.name === null) reject(`Unknown account: no imported account has id "${row.account.id}".`);
  const byEmail = row.emails.map((e) => ctx.memo.recall('contact', `email:${e}`)).find((id) => id !== undefined);
  const holders = row.emails.length > 0 ? await uow.contacts.findByEmails(row.emails) : [];
  const knownId = (await previous(uow, ctx, 'contact', row.externalId)) ?? byEmail ?? holders[0]?.id ?? null;
  const existing = knownId ? await uow.contacts.get(knownId) : null;
  const keys = [row.externalId, nameKey(row.name), ...row.emails.map((e) => `email:${e}`)];
  if (existing) {
    const free = row.emails.filter((e) => holders.every((h) => h.id === existing.id || !h.emails.includes(e)));
    const outcome = await updated(uow, ctx, 'contact', existing, { name: row.name, emails: [...new Set([...existing.emails, ...free])], phones: [...new Set([...existing.phones, ...row.phones])], ...(row.title ? { title: row.title } : {}), ...(accountId ? { accountId } : {}), ...(row.owner ? { ownerId } : {}), ...(await customPatch(uow, 'contact', existing.customFields, row.customFields, '')) }, (next) => uow.contacts.update(next));
    await link(uow, ctx, 'contact', keys, existing.id);
    return outcome;
  }
  if (knownId) return { action: 'update' };
  const now = ctx.deps.clock.now().toISOString();
  const contact: Contact = { id: newId(ctx, 'contact', row.externalId), name: row.name, accountId, emails: row.emails, phones: row.phones, title: row.title, ownerId, customFields: await customValues(uow, 'contact', row.customFields, ''), version: 1, createdAt: now, updatedAt: now };
  const outcome = await created(uow, ctx, 'contact', contact, () => uow.contacts.insert(contact));
  await link(uow, ctx, 'contact', keys, contact.id);
  return outcome;
}

async function applyDeal(uow: ImportUnitOfWork, ctx: ApplyContext, row: Row<'deal'>): Promise<RowOutcome> {
  const ownerId = await ownerOf(uow, ctx, row.owner);
  const contactId = row.contact.id === null && row.contact.name === null ? null : await ctx.memo.resolve(uow.importLinks, 'contact', row.contact);
  let accountId = row.account.id === null && row.account.name === null ? null : await ctx.memo.resolve(uow.importLinks, 'account', row.account);
  if (accountId === null && contactId !== null && ctx.write) accountId = (await uow.contacts.get(contactId))?.accountId ?? null;
  if (accountId === null) reject(`Unknown account: the deal names no account this import or an earlier one brought in (${row.account.id ?? row.account.name ?? 'none given'}).`);
  const placed = stageOf(ctx, row);
  const knownId = await previous(uow, ctx, 'deal', row.externalId);
  const existing = knownId ? await uow.deals.get(knownId) : null;
  const keys = [row.externalId, nameKey(row.title)];
  if (existing) {
    const outcome = await updated(uow, ctx, 'deal', existing, { title: row.title, amount: row.amount, ...(row.closeDate ? { expectedCloseDate: row.closeDate } : {}), ...(contactId ? { primaryContactId: contactId } : {}), ...(await customPatch(uow, 'deal', existing.customFields, row.customFields, row.amount.currency)) }, (next) => uow.deals.update(next));
    await link(uow, ctx, 'deal', keys, existing.id);
    return outcome;
  }
  if (knownId) return { action: 'update' };
  const now = ctx.deps.clock.now().toISOString();
  const closedAt = placed.status === 'won' || placed.status === 'lost' ? (row.closeDate ? `${row.closeDate}T00:00:00.000Z` : now) : null;
  const deal: Deal = {
    id: newId(ctx, 'deal', row.externalId), title: row.title, accountId: accountId ?? '', primaryContactId: contactId, amount: row.amount, pipelineId: placed.pipeline.id, stageId: placed.stage.id,
    probability: row.probability ?? placed.stage.probability, probabilityOverridden: row.probability !== null, expectedCloseDate: row.closeDate, ownerId, collaboratorIds: [], status: placed.status,
    lostReason: placed.status === 'lost' ? 'Imported as lost' : null, competitor: null, campaignId: null, commit: false, customFields: await customValues(uow, 'deal', row.customFields, row.amount.currency), stageEnteredAt: now, closedAt, version: 1, createdAt: now, updatedAt: now,
  };
  const outcome = await created(uow, ctx, 'deal', deal, async () => {
    await uow.deals.insert(deal);
    await uow.deals.appendStageChange({ id: ctx.deps.ids.next('stageChange'), dealId: deal.id, pipelineId: deal.pipelineId, fromPipelineId: null, fromStageId: null, fromStatus: null, stageId: deal.stageId, status: deal.status, at: now, actorId: ctx.actor.user.id, surface: ctx.actor.surface });
  });
  await link(uow, ctx, 'deal', keys, deal.id);
  return outcome;
}

function stageOf(ctx: ApplyContext, row: Row<'deal'>): ReturnType<typeof resolveStage> {
  try {
    return resolveStage(ctx.memo.pipelines, ctx.options.stages, row);
  } catch (error) {
    return reject(error instanceof Error ? error.message : String(error));
  }
}

async function applyActivity(uow: ImportUnitOfWork, ctx: ApplyContext, row: Row<'activity'>): Promise<RowOutcome> {
  const authorId = await ownerOf(uow, ctx, row.owner);
  const refs = await Promise.all(([['contact', row.contact], ['account', row.account], ['deal', row.deal]] as const).map(([kind, ref]) => (ref.id === null && ref.name === null ? null : ctx.memo.resolve(uow.importLinks, kind, ref))));
  // Salesforce's WhatId names a deal or an account: try the account when no deal has the id.
  const [contactId, accountFromRef, dealFromRef] = refs;
  const accountId = accountFromRef ?? (dealFromRef === null && row.deal.id !== null ? await ctx.memo.resolve(uow.importLinks, 'account', { id: row.deal.id, name: null }) : null);
  if (contactId === null && accountId === null && dealFromRef === null) reject('The activity links to no contact, account or deal this import or an earlier one brought in.');
  const knownId = await previous(uow, ctx, 'activity', row.externalId);
  if (knownId) return { action: 'skip' };
  const now = ctx.deps.clock.now().toISOString();
  const activity: Activity = { id: newId(ctx, 'activity', row.externalId), type: row.type, subject: row.subject, body: row.body, occurredAt: row.occurredAt ?? now, contactId: contactId ?? null, accountId, dealId: dealFromRef ?? null, authorId, surface: 'import', externalId: null, participants: [], createdAt: now };
  const outcome = await created(uow, ctx, 'activity', activity, () => uow.activities.insert(activity));
  await link(uow, ctx, 'activity', [row.externalId], activity.id);
  return outcome;
}

/** A new record's custom field values from the row's mapped columns; a value the field refuses rejects the row, naming it. */
async function customValues(uow: ImportUnitOfWork, kind: CustomFieldObjectType, cells: Readonly<Record<string, string>>, currency: string): Promise<CustomFieldValues> {
  if (Object.keys(cells).length === 0) return {};
  const definitions = await uow.customFields.list({ objectType: kind });
  try {
    return await customFieldsToCreate(uow, kind, importedCustomFields(definitions, cells, currency));
  } catch (error) {
    if (error instanceof CrmError && error.code === 'invalid_input') reject([error.message, ...error.issues.map((i) => i.message)].join(' '));
    throw error;
  }
}

/** An existing record's values with the row's replacing those it names: nothing when the row maps no custom field. */
async function customPatch(uow: ImportUnitOfWork, kind: CustomFieldObjectType, current: CustomFieldValues, cells: Readonly<Record<string, string>>, currency: string): Promise<{ customFields?: CustomFieldValues }> {
  if (Object.keys(cells).length === 0) return {};
  return { customFields: mergeCustomFields(current, await customValues(uow, kind, cells, currency)) };
}
