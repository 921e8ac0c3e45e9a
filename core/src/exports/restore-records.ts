import { Account } from '../accounts/account.schema.js';
import { Activity } from '../activities/activity.schema.js';
import { Contact } from '../contacts/contact.schema.js';
import { Deal, StageChange } from '../deals/deal.schema.js';
import { Pipeline } from '../deals/pipeline.schema.js';
import { Reminder } from '../reminders/reminder.schema.js';
import { CrmError } from '../shared/errors.js';
import type { Store, UnitOfWork } from '../store/store.port.js';
import { Team, User } from '../users/user.schema.js';
import { EXPORT_KINDS, type ExportKind, type ExportLine } from './export-records.js';

const SCHEMAS = { team: Team, user: User, pipeline: Pipeline, account: Account, contact: Contact, deal: Deal, stage_change: StageChange, activity: Activity, reminder: Reminder } as const;

async function insert(uow: UnitOfWork, line: ExportLine): Promise<void> {
  switch (line.kind) {
    case 'team': return uow.teams.insert(line.record);
    case 'user': return uow.users.insert(line.record);
    case 'pipeline': {
      const current = await uow.pipelines.get(line.record.id);
      // An empty hub holds no deals, so a pipeline of the same id is replaced whole, version and all.
      if (current) await uow.pipelines.delete(current.id);
      else if (line.record.isDefault) {
        const fresh = await uow.pipelines.getDefault();
        if (fresh) await uow.pipelines.update({ ...fresh, isDefault: false, version: fresh.version + 1 });
      }
      await uow.pipelines.insert(line.record);
      return;
    }
    case 'account': return uow.accounts.insert(line.record);
    case 'contact': return uow.contacts.insert(line.record);
    case 'deal': return uow.deals.insert(line.record);
    case 'stage_change': return uow.deals.appendStageChange(line.record);
    case 'activity': return uow.activities.insert(line.record);
    case 'reminder': return uow.reminders.insert(line.record);
  }
}

/** Reads one line of a JSON lines export; a line that is not one says so with its number. */
export function parseExportLine(text: string, lineNumber: number): ExportLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CrmError('invalid_input', `Line ${lineNumber} is not JSON; a Rapport export has one {"kind", "record"} object per line.`);
  }
  const { kind, record } = (value ?? {}) as { kind?: unknown; record?: unknown };
  if (typeof kind !== 'string' || !EXPORT_KINDS.includes(kind as ExportKind)) throw new CrmError('invalid_input', `Line ${lineNumber}: "${String(kind)}" is not a kind Rapport exports (${EXPORT_KINDS.join(', ')}).`);
  const parsed = SCHEMAS[kind as ExportKind].safeParse(record);
  if (!parsed.success) throw new CrmError('invalid_input', `Line ${lineNumber}: the ${kind} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  return { kind, record: parsed.data } as ExportLine;
}

/**
 * Loads a JSON lines export into an empty hub (no users yet) exactly as it was: the same ids,
 * versions, times, stage history and events-to-be of nothing (a restore records no changes).
 * Lines are written in batches of 500 per transaction, in the order the export wrote them.
 * The hub's own default pipeline gives way to the exported one (it stays, no longer the default).
 */
export async function restoreRecords(store: Store, lines: AsyncIterable<ExportLine>): Promise<Record<ExportKind, number>> {
  if ((await store.read((uow) => uow.users.count())) > 0) {
    throw new CrmError('conflict', 'A Rapport export is restored into an empty hub only, and this one already has users. Use a new data folder (or database), or import CSV files instead.');
  }
  const counts = Object.fromEntries(EXPORT_KINDS.map((k) => [k, 0])) as Record<ExportKind, number>;
  let batch: ExportLine[] = [];
  const flush = async (): Promise<void> => {
    const lines = batch;
    batch = [];
    await store.transaction(async (uow) => {
      for (const line of lines) await insert(uow, line);
    });
  };
  for await (const line of lines) {
    batch.push(line);
    counts[line.kind] += 1;
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  return counts;
}
