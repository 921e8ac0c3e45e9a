import { z } from 'zod';

/** The CRMs whose standard CSV exports Rapport recognises, `rapport` for its own, `custom` for any other file. */
export const ImportSource = z.enum(['hubspot', 'salesforce', 'pipedrive', 'rapport', 'custom']);
export type ImportSource = z.infer<typeof ImportSource>;

/** What one file holds. `user` files (Salesforce's User.csv) only tell who owns what; they create nobody. */
export const ImportKind = z.enum(['user', 'account', 'contact', 'deal', 'activity']);
export type ImportKind = z.infer<typeof ImportKind>;

/** Files are read in this order, so that what a row links to was read before it. */
export const KIND_ORDER: readonly ImportKind[] = ['user', 'account', 'contact', 'deal', 'activity'];

/** The Rapport fields a column can fill. `*Ref` columns hold the other CRM's id of a linked record, `*Name` its name. */
export const ImportField = z.enum([
  'externalId', 'name', 'firstName', 'lastName', 'email', 'phone', 'title', 'owner',
  'domain', 'website', 'industry', 'employees', 'lifecycle',
  'accountRef', 'accountName', 'contactRef', 'contactName', 'dealRef', 'dealName',
  'amount', 'currency', 'stage', 'pipeline', 'closeDate', 'status', 'probability',
  'type', 'subject', 'body', 'occurredAt',
]);
export type ImportField = z.infer<typeof ImportField>;

/** Which fields each kind of file can fill. */
export const FIELDS_OF: Record<ImportKind, readonly ImportField[]> = {
  user: ['externalId', 'email', 'name', 'firstName', 'lastName'],
  account: ['externalId', 'name', 'domain', 'website', 'industry', 'employees', 'owner', 'lifecycle'],
  contact: ['externalId', 'name', 'firstName', 'lastName', 'email', 'phone', 'title', 'owner', 'accountRef', 'accountName'],
  deal: ['externalId', 'name', 'amount', 'currency', 'stage', 'pipeline', 'closeDate', 'status', 'probability', 'owner', 'accountRef', 'accountName', 'contactRef', 'contactName'],
  activity: ['externalId', 'type', 'subject', 'body', 'occurredAt', 'owner', 'accountRef', 'accountName', 'contactRef', 'contactName', 'dealRef', 'dealName'],
};

const CustomKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Custom field keys are lower-case words joined by _, such as industry_segment.');

/** Where one column goes: a Rapport field, a custom field (passed on as `customFields[key]`), or nowhere. */
export const ColumnMapping = z.discriminatedUnion('target', [
  z.strictObject({ column: z.string(), target: z.literal('field'), field: ImportField }),
  z.strictObject({ column: z.string(), target: z.literal('custom'), key: CustomKey }),
  z.strictObject({ column: z.string(), target: z.literal('ignore') }),
]);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** How one file is read: recognised from its headers, or confirmed by the person importing it. */
export const FileMapping = z.strictObject({
  source: ImportSource,
  kind: ImportKind,
  columns: z.array(ColumnMapping).max(500),
});
export type FileMapping = z.infer<typeof FileMapping>;

/** Choices that apply to a whole import. */
export const ImportOptions = z.strictObject({
  /** Another CRM's stage name (any case) → a Rapport stage id, or `won` / `lost`. Names not listed are matched to stage names and ids. */
  stages: z.record(z.string(), z.string()).default({}),
  /** The currency of amounts that name none. */
  currency: z.string().length(3).default('USD'),
});
export type ImportOptions = z.input<typeof ImportOptions>;

export const RecordCounts = z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int(), reject: z.number().int() });
export type RecordCounts = z.infer<typeof RecordCounts>;

/** A row that was not imported, and why: the report file lists every one. */
export const RejectedRow = z.object({
  file: z.string(),
  line: z.number().int(),
  kind: ImportKind,
  reason: z.string(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const emptyCounts = (): RecordCounts => ({ create: 0, update: 0, skip: 0, reject: 0 });
