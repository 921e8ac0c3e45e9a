import type { ActivityType } from '../activities/activity.schema.js';
import type { CustomFieldValue } from '../custom-fields/custom-field.schema.js';
import type { RemoteOwner, RemotePipeline, RemoteProperty, RemoteRecord } from './crm-connector.port.js';
import type { RemoteKind } from './connector.schema.js';
import { customFieldsOf, websiteDomain, toMinorUnits, type FieldNames } from './remote-mapping.js';

/**
 * Remote records in Rapport's terms, with their links to other records still as remote ids
 * (the sync resolves them through the remote links once every object is read).
 */

/** What the mapping needs to know besides the record. */
export interface MappingContext {
  fields: FieldNames;
  properties: readonly RemoteProperty[];
  owners: readonly RemoteOwner[];
  pipelines: readonly RemotePipeline[];
  /** Currency of amounts the remote gives none for. */
  defaultCurrency: string;
}

export interface MappedAccount { name: string; domains: string[]; industry: string | null; ownerEmail: string | null; customFields: Record<string, CustomFieldValue> }
export interface MappedContact { name: string; emails: string[]; phones: string[]; title: string | null; ownerEmail: string | null; accountRemoteId: string | null; customFields: Record<string, CustomFieldValue> }
export interface MappedDeal {
  title: string;
  amount: { minor: number; currency: string };
  /** Remote pipeline and stage ids (Rapport's pipeline keeps the remote ids as its own stage ids). */
  pipelineRemoteId: string | null;
  stageRemoteId: string | null;
  /** The remote stage's probability, 0–100; null when the stage is unknown. */
  probability: number | null;
  status: 'open' | 'won' | 'lost';
  expectedCloseDate: string | null;
  ownerEmail: string | null;
  accountRemoteId: string | null;
  contactRemoteId: string | null;
  customFields: Record<string, CustomFieldValue>;
}
export interface MappedActivity { type: ActivityType; occurredAt: string; subject: string | null; body: string | null; ownerEmail: string | null; links: Partial<Record<RemoteKind, string[]>> }
export interface MappedReminder { title: string; notes: string | null; dueAt: string; done: boolean; assigneeEmail: string | null; links: Partial<Record<RemoteKind, string[]>> }

const text = (value: string | null | undefined): string | null => (value === null || value === undefined || value.trim() === '' ? null : value.trim());
const first = (ids: string[] | undefined): string | null => ids?.[0] ?? null;

/** The Rapport user a remote owner id stands for, by the owner's email; null when the remote has no such owner. */
export function ownerEmailOf(ownerRemoteId: string | null | undefined, owners: readonly RemoteOwner[]): string | null {
  if (!ownerRemoteId) return null;
  return owners.find((o) => o.remoteId === ownerRemoteId)?.email.toLowerCase() ?? null;
}

export function mapAccount(record: RemoteRecord, ctx: MappingContext): MappedAccount {
  const f = ctx.fields.account;
  const p = record.properties;
  const domain = websiteDomain(p[f.domain]);
  return {
    name: text(p[f.name]) ?? domain ?? `Company ${record.remoteId}`,
    domains: domain ? [domain] : [],
    industry: text(p[f.industry]),
    ownerEmail: ownerEmailOf(p[f.owner], ctx.owners),
    customFields: customFieldsOf(record, 'account', ctx.properties, Object.values(f)),
  };
}

export function mapContact(record: RemoteRecord, ctx: MappingContext): MappedContact {
  const f = ctx.fields.contact;
  const p = record.properties;
  const email = text(p[f.email])?.toLowerCase() ?? null;
  const name = [text(p[f.firstName]), text(p[f.lastName])].filter((part) => part !== null).join(' ');
  return {
    name: name || email || `Contact ${record.remoteId}`,
    emails: email ? [email] : [],
    phones: text(p[f.phone]) ? [text(p[f.phone]) as string] : [],
    title: text(p[f.title]),
    ownerEmail: ownerEmailOf(p[f.owner], ctx.owners),
    accountRemoteId: first(record.associations.account),
    customFields: customFieldsOf(record, 'contact', ctx.properties, Object.values(f)),
  };
}

export function mapDeal(record: RemoteRecord, ctx: MappingContext): MappedDeal {
  const f = ctx.fields.deal;
  const p = record.properties;
  const currency = text(p[f.currency])?.toUpperCase() ?? ctx.defaultCurrency;
  const pipelineRemoteId = text(p[f.pipeline]);
  const stageRemoteId = text(p[f.stage]);
  const pipeline = ctx.pipelines.find((candidate) => candidate.remoteId === pipelineRemoteId);
  const stage = pipeline?.stages.find((candidate) => candidate.remoteId === stageRemoteId);
  return {
    title: text(p[f.title]) ?? `Deal ${record.remoteId}`,
    amount: { minor: toMinorUnits(p[f.amount], currency) ?? 0, currency },
    pipelineRemoteId,
    stageRemoteId,
    probability: stage ? Math.round(stage.probability * 100) : null,
    status: stage?.closed ?? 'open',
    expectedCloseDate: text(p[f.closeDate])?.slice(0, 10) ?? null,
    ownerEmail: ownerEmailOf(p[f.owner], ctx.owners),
    accountRemoteId: first(record.associations.account),
    contactRemoteId: first(record.associations.contact),
    customFields: customFieldsOf(record, 'deal', ctx.properties, Object.values(f)),
  };
}

/** Names of the activity properties a connector reads from its engagement objects. */
export interface ActivityFields { type: ActivityType; occurredAt: string; subject: string | null; body: string; owner: string }

export function mapActivity(record: RemoteRecord, fields: ActivityFields, ctx: MappingContext): MappedActivity {
  const p = record.properties;
  return {
    type: fields.type,
    occurredAt: text(p[fields.occurredAt]) ?? record.modifiedAt,
    subject: fields.subject ? text(p[fields.subject]) : null,
    body: text(p[fields.body]),
    ownerEmail: ownerEmailOf(p[fields.owner], ctx.owners),
    links: record.associations,
  };
}

/** Names of the task properties a connector reads; `doneValue` is the status value meaning done. */
export interface ReminderFields { title: string; notes: string; dueAt: string; status: string; doneValue: string; owner: string }

export function mapReminder(record: RemoteRecord, fields: ReminderFields, ctx: MappingContext): MappedReminder {
  const p = record.properties;
  return {
    title: text(p[fields.title]) ?? `Task ${record.remoteId}`,
    notes: text(p[fields.notes]),
    dueAt: text(p[fields.dueAt]) ?? record.modifiedAt,
    done: p[fields.status] === fields.doneValue,
    assigneeEmail: ownerEmailOf(p[fields.owner], ctx.owners),
    links: record.associations,
  };
}
