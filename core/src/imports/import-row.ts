import type { CompanySize, Lifecycle } from '../accounts/account.schema.js';
import { WebDomain } from '../accounts/account.schema.js';
import type { ActivityType } from '../activities/activity.schema.js';
import { EmailAddress, Phone } from '../contacts/contact.schema.js';
import type { DealStatus } from '../deals/deal.schema.js';
import type { Money } from '../shared/money.js';
import { headerKey } from './recognise-csv.js';
import type { FileMapping, ImportField } from './import.schema.js';
import { readDateTime, readMoney, readNumber, webDomainOf } from './import-values.js';

/** A linked record as another CRM names it: its id there, or its name. */
export interface Ref {
  id: string | null;
  name: string | null;
}

interface RowBase {
  /** The record's id in the other CRM (kept on the Rapport record, so a second import updates it). */
  externalId: string | null;
  /** The owner as the file names them: an email, a name or (Salesforce) a user id. */
  owner: string | null;
  /** Columns mapped to custom fields, by key. */
  customFields: Record<string, string>;
}

export type ImportRow =
  | (RowBase & { kind: 'user'; email: string | null; name: string | null })
  | (RowBase & { kind: 'account'; name: string; domains: string[]; industry: string | null; size: CompanySize | null; lifecycle: Lifecycle | null })
  | (RowBase & { kind: 'contact'; name: string; emails: string[]; phones: string[]; title: string | null; account: Ref })
  | (RowBase & { kind: 'deal'; title: string; amount: Money; stage: string | null; pipeline: string | null; status: DealStatus | null; closeDate: string | null; probability: number | null; account: Ref; contact: Ref })
  | (RowBase & { kind: 'activity'; type: ActivityType; subject: string | null; body: string | null; occurredAt: string | null; account: Ref; contact: Ref; deal: Ref });

/** A row read into Rapport's terms, or why it cannot be. */
export type RowResult = { ok: true; row: ImportRow } | { ok: false; reason: string };

class Rejected extends Error {}
const reject = (reason: string): never => {
  throw new Rejected(reason);
};

const SIZES: Array<[number, CompanySize]> = [[10, '1-10'], [50, '11-50'], [200, '51-200'], [1000, '201-1000'], [5000, '1001-5000']];
const ACTIVITY_TYPES: Record<string, ActivityType> = { call: 'call', meeting: 'meeting', lunch: 'meeting', event: 'meeting', email: 'email', note: 'note', task: 'note', deadline: 'note', chat: 'chat' };
const LIFECYCLES: Record<string, Lifecycle> = { customer: 'customer', evangelist: 'customer', at_risk: 'at_risk', churned: 'churned', won_back: 'won_back' };

/** Splits a multi-value cell: HubSpot joins with ";", Rapport's export with "; ", Pipedrive with ",". */
const many = (cell: string): string[] => cell.split(/[;,]/).map((v) => v.trim()).filter((v) => v !== '');

function sizeOf(cell: string): CompanySize | null {
  if (/^\d+-\d+$|^\d+\+$/.test(cell.trim())) return (cell.trim() as CompanySize);
  const n = readNumber(cell);
  if (!n.ok) return reject(`Bad number of employees: "${cell}".`);
  return SIZES.find(([max]) => n.value <= max)?.[1] ?? '5001+';
}

/**
 * Reads one CSV row (cells by header) into an `ImportRow` with the file's mapping. Values are
 * read in the formats the exports use; a row with a bad email, amount, date or number is
 * rejected whole with the reason, never half read. Links and owners are resolved later.
 */
export function readImportRow(mapping: FileMapping, cells: Readonly<Record<string, string>>, defaultCurrency: string): RowResult {
  const values = new Map<ImportField, string[]>();
  const customFields: Record<string, string> = {};
  for (const column of mapping.columns) {
    const cell = (cells[column.column] ?? cellByKey(cells, column.column) ?? '').trim();
    if (cell === '' || column.target === 'ignore') continue;
    if (column.target === 'custom') customFields[column.key] = cell;
    else values.set(column.field, [...(values.get(column.field) ?? []), cell]);
  }
  const one = (field: ImportField): string | null => values.get(field)?.[0] ?? null;
  const ref = (id: ImportField, name: ImportField): Ref => ({ id: one(id) === null ? null : (many(one(id) ?? '')[0] ?? null), name: one(name) });
  try {
    const base = { externalId: one('externalId'), owner: one('owner'), customFields };
    switch (mapping.kind) {
      case 'user':
        return { ok: true, row: { ...base, kind: 'user', email: one('email'), name: one('name') ?? personName(one('firstName'), one('lastName')) } };
      case 'account': {
        const domains = [...(values.get('domain') ?? []).flatMap(many), ...(values.get('website') ?? [])].map(domainOf);
        const name = one('name') ?? domains[0] ?? reject('The row has no name.');
        const lifecycle = one('lifecycle');
        return { ok: true, row: { ...base, kind: 'account', name, domains: [...new Set(domains)], industry: one('industry'), size: one('employees') === null ? null : sizeOf(one('employees') ?? ''), lifecycle: lifecycle === null ? null : (LIFECYCLES[lifecycle.toLowerCase().replace(/\s+/g, '_')] ?? (lifecycle === 'prospect' ? 'prospect' : null)) } };
      }
      case 'contact': {
        const emails = (values.get('email') ?? []).flatMap(many).map(emailOf);
        const phones = (values.get('phone') ?? []).flatMap((p) => p.split(';')).map((p) => p.trim()).filter((p) => p !== '' && Phone.safeParse(p).success);
        const name = one('name') ?? personName(one('firstName'), one('lastName')) ?? emails[0] ?? reject('The row has no name and no email.');
        return { ok: true, row: { ...base, kind: 'contact', name, emails: [...new Set(emails)], phones: [...new Set(phones)], title: one('title'), account: ref('accountRef', 'accountName') } };
      }
      case 'deal': {
        const amountCell = one('amount');
        const money = readMoney(amountCell ?? '0', one('currency') ?? undefined, defaultCurrency);
        if (!money.ok) return reject(money.reason);
        const probability = one('probability');
        return {
          ok: true,
          row: {
            ...base, kind: 'deal', title: one('name') ?? reject('The row has no deal name.'), amount: money.value, stage: one('stage'), pipeline: one('pipeline'),
            status: statusOf(one('status')), closeDate: dateOf(one('closeDate'))?.date ?? null, probability: probability === null ? null : probabilityOf(probability),
            account: ref('accountRef', 'accountName'), contact: ref('contactRef', 'contactName'),
          },
        };
      }
      case 'activity': {
        const type = ACTIVITY_TYPES[(one('type') ?? 'note').toLowerCase()] ?? 'note';
        const subject = one('subject');
        const body = one('body');
        if (subject === null && body === null) reject('The row has neither a subject nor a body.');
        return { ok: true, row: { ...base, kind: 'activity', type, subject, body, occurredAt: dateOf(one('occurredAt'))?.instant ?? null, account: ref('accountRef', 'accountName'), contact: ref('contactRef', 'contactName'), deal: ref('dealRef', 'dealName') } };
      }
    }
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message };
    throw error;
  }
}

function cellByKey(cells: Readonly<Record<string, string>>, column: string): string | undefined {
  const key = headerKey(column);
  for (const [header, value] of Object.entries(cells)) if (headerKey(header) === key) return value;
  return undefined;
}

function personName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((p) => p !== null).join(' ').trim();
  return name === '' ? null : name;
}

function emailOf(cell: string): string {
  const parsed = EmailAddress.safeParse(cell);
  return parsed.success ? parsed.data : reject(`Bad email: "${cell}".`);
}

function domainOf(cell: string): string {
  const parsed = WebDomain.safeParse(webDomainOf(cell) ?? cell);
  return parsed.success ? parsed.data : reject(`Bad web domain: "${cell}".`);
}

function dateOf(cell: string | null): { date: string; instant: string } | null {
  if (cell === null) return null;
  const read = readDateTime(cell);
  return read.ok ? read.value : reject(read.reason);
}

function probabilityOf(cell: string): number {
  const read = readNumber(cell.replace(/%$/, ''));
  if (!read.ok) return reject(`Bad probability: "${cell}".`);
  const percent = read.value > 0 && read.value <= 1 && cell.includes('.') && !cell.endsWith('%') ? read.value * 100 : read.value;
  return percent >= 0 && percent <= 100 ? Math.round(percent) : reject(`Bad probability: "${cell}" (0–100).`);
}

function statusOf(cell: string | null): DealStatus | null {
  const status = cell?.toLowerCase();
  return status === 'won' || status === 'lost' || status === 'open' || status === 'suspended' ? status : null;
}
