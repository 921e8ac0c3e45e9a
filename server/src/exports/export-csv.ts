import { minorDigits, type ExportKind, type ExportLine } from '@rapport/core';
import { csvCell } from '../imports/import-jobs.js';

type Cell = string | number | boolean | null;

/** What a row needs besides its record: users' emails and pipelines' names, as the export has seen them. */
export interface CsvContext {
  emails: Map<string, string>;
  pipelines: Map<string, string>;
}

const list = (values: readonly string[]): string => values.join('; ');
const amount = (minor: number, currency: string): string => (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/**
 * The columns of the four kinds another hub imports back (their headers are the `rapport`
 * export profile the importer recognises); the other kinds list their fields as they are,
 * nested values as JSON.
 */
const IMPORTABLE: Partial<{ [K in ExportKind]: { header: string[]; row(record: Extract<ExportLine, { kind: K }>['record'], ctx: CsvContext): Cell[] } }> = {
  account: {
    header: ['rapport_id', 'name', 'domains', 'industry', 'size', 'owner_email', 'lifecycle', 'segment', 'created_at', 'updated_at'],
    row: (a, ctx) => [a.id, a.name, list(a.domains), a.industry, a.size, ctx.emails.get(a.ownerId) ?? a.ownerId, a.lifecycle, a.segment, a.createdAt, a.updatedAt],
  },
  contact: {
    header: ['rapport_id', 'name', 'emails', 'phones', 'title', 'owner_email', 'account_id', 'created_at', 'updated_at'],
    row: (c, ctx) => [c.id, c.name, list(c.emails), list(c.phones), c.title, ctx.emails.get(c.ownerId) ?? c.ownerId, c.accountId, c.createdAt, c.updatedAt],
  },
  deal: {
    header: ['rapport_id', 'title', 'amount', 'currency', 'pipeline', 'stage_id', 'status', 'probability', 'expected_close_date', 'owner_email', 'account_id', 'primary_contact_id', 'lost_reason', 'competitor', 'closed_at', 'created_at'],
    row: (d, ctx) => [d.id, d.title, amount(d.amount.minor, d.amount.currency), d.amount.currency, ctx.pipelines.get(d.pipelineId) ?? d.pipelineId, d.stageId, d.status, d.probability, d.expectedCloseDate, ctx.emails.get(d.ownerId) ?? d.ownerId, d.accountId, d.primaryContactId, d.lostReason, d.competitor, d.closedAt, d.createdAt],
  },
  activity: {
    header: ['rapport_id', 'type', 'subject', 'body', 'occurred_at', 'author_email', 'account_id', 'contact_id', 'deal_id', 'surface', 'external_id'],
    row: (a, ctx) => [a.id, a.type, a.subject, a.body, a.occurredAt, ctx.emails.get(a.authorId) ?? a.authorId, a.accountId, a.contactId, a.dealId, a.surface, a.externalId],
  },
};

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const plain = (value: unknown): Cell => (value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : (value as Cell));

/** The header line of a kind's CSV file (for kinds listed as they are, from its first record). */
export function csvHeader(line: ExportLine): string {
  const columns = IMPORTABLE[line.kind]?.header ?? Object.keys(line.record).map(snake);
  return `${columns.join(',')}\n`;
}

/** One record as a CSV line. */
export function csvLine(line: ExportLine, ctx: CsvContext): string {
  const spec = IMPORTABLE[line.kind] as { row(record: unknown, ctx: CsvContext): Cell[] } | undefined;
  const cells = spec ? spec.row(line.record, ctx) : Object.values(line.record).map(plain);
  return `${cells.map((c) => csvCell(typeof c === 'boolean' ? String(c) : c)).join(',')}\n`;
}
