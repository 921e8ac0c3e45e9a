import { minorDigits, type Account, type Contact, type Deal, type Page, type PageRequest, type Store } from '@rapport/core';

async function all<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Everything local mode holds, as JSON: accounts, contacts, deals, activities, reminders, pipelines, users. */
export async function exportJson(store: Store): Promise<string> {
  const data = await store.read(async (uow) => ({
    format: 'rapport-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    users: await all((p) => uow.users.list({}, p)),
    pipelines: await uow.pipelines.list(),
    accounts: await all((p) => uow.accounts.list({}, p)),
    contacts: await all((p) => uow.contacts.list({}, p)),
    deals: await all((p) => uow.deals.list({}, p)),
    activities: await all((p) => uow.activities.list({}, p)),
    reminders: await all((p) => uow.reminders.list({}, p)),
  }));
  return JSON.stringify(data, null, 2);
}

const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote every cell, and keep spreadsheet apps from reading a cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** Contacts and deals as one CSV sheet (UTF-8 with BOM, so spreadsheet apps read any script). */
export async function exportCsv(store: Store): Promise<string> {
  const { accounts, contacts, deals } = await store.read(async (uow) => ({
    accounts: await all<Account>((p) => uow.accounts.list({}, p)),
    contacts: await all<Contact>((p) => uow.contacts.list({}, p)),
    deals: await all<Deal>((p) => uow.deals.list({}, p)),
  }));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const rows: Array<Array<string | number | null>> = [['kind', 'name', 'email', 'account', 'title', 'stage', 'status', 'amount', 'currency', 'close date']];
  for (const a of accounts) rows.push(['account', a.name, null, a.domains.join(' '), null, null, a.lifecycle, null, null, null]);
  for (const c of contacts) rows.push(['contact', c.name, c.emails.join(' '), c.accountId ? (accountName.get(c.accountId) ?? null) : null, c.title, null, null, null, null, null]);
  for (const d of deals) rows.push(['deal', d.title, null, accountName.get(d.accountId) ?? null, null, d.stageId, d.status, (d.amount.minor / 10 ** minorDigits(d.amount.currency)).toFixed(minorDigits(d.amount.currency)), d.amount.currency, d.expectedCloseDate]);
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
