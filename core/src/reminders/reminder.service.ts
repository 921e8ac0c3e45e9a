import { requireAccount } from '../accounts/account.service.js';
import { requireContact } from '../contacts/contact.service.js';
import { requireDeal } from '../deals/deal.service.js';
import { changedFields, recordEvent } from '../events/record-event.js';
import { assertMayAssignTo, isAdmin, managesMember, maySeeUser } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors.js';
import { PageRequest, type Page } from '../shared/page.js';
import { localDate, periodRange } from '../shared/time-zone.js';
import { parseInput } from '../shared/validate.js';
import type { ReminderFilter } from './reminder.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';
import { awaitedReply } from './awaiting-reply.service.js';
import { noReplyTitle, threadLink } from './awaiting-reply.js';
import { parseDue } from './due-parser.js';
import { nextOccurrence } from './recurrence.js';
import type { Reminder} from './reminder.schema.js';
import { ReminderInput, ReminderPatch, SnoozeInput, fireTime } from './reminder.schema.js';

export class ReminderService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: ReminderInput): Promise<Reminder> {
    const data = parseInput(ReminderInput, input, 'reminder');
    return this.deps.store.transaction(async (uow) => {
      const assignee = await requireUser(uow, data.assigneeId ?? actor.user.id);
      await assertMayAssignTo(uow, actor.user, assignee.id, 'reminders');
      const now = this.deps.clock.now();
      const dueAt = data.dueAt ?? this.dueFromWords(data.due ?? '', assignee, now, 'due');
      const awaited = data.awaitingReply ? await awaitedReply(uow, data.awaitingReply, now) : null;
      const links = await completeLinks(uow, awaited ? { ...data, contactId: data.contactId ?? awaited.contact?.id ?? null, accountId: data.accountId ?? awaited.accountId } : data);
      const awaitingReply = awaited?.awaitingReply ?? null;
      const reminder: Reminder = {
        id: this.deps.ids.next('reminder'),
        title: data.title ?? (awaited ? noReplyTitle(awaited.who, awaited.awaitingReply.sentAt, dueAt, assignee.timeZone) : ''),
        notes: data.notes ?? (awaitingReply ? threadLink(awaitingReply) : null),
        ...links,
        assigneeId: assignee.id,
        createdById: actor.user.id,
        dueAt,
        timeZone: assignee.timeZone,
        snoozedUntil: null,
        recurrence: data.recurrence,
        status: 'open',
        completedAt: null,
        alertAt: dueAt,
        awaitingReply,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await uow.reminders.insert(reminder);
      await recordEvent(uow, this.deps, actor, { type: 'reminder.created', entityType: 'reminder', entityId: reminder.id, after: reminder });
      return reminder;
    });
  }

  async get(actor: Actor, id: string): Promise<Reminder> {
    return this.deps.store.read(async (uow) => {
      const reminder = await requireReminder(uow, id);
      await assertMaySee(uow, actor.user, reminder);
      return reminder;
    });
  }

  /** Reminders of one assignee (the actor unless given); managers see their team's, admins everyone's. */
  async list(actor: Actor, filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read(async (uow) => {
      const assigneeId = filter.assigneeId ?? actor.user.id;
      if (assigneeId !== actor.user.id) {
        const assignee = await uow.users.get(assigneeId);
        if (!assignee || !maySeeUser(actor.user, assignee)) throw forbidden('You can see your own reminders, and your team\'s if you manage it.');
      }
      return uow.reminders.list({ ...filter, assigneeId }, request);
    });
  }

  /** Open reminders due before the end of the user's local today (overdue ones included), soonest first. */
  async listDue(actor: Actor, options: { before?: string; limit?: number } = {}): Promise<Reminder[]> {
    const now = this.deps.clock.now();
    const before = options.before ?? periodRange('day', localDate(now, actor.user.timeZone), actor.user.timeZone).end.toISOString();
    const page = await this.list(actor, { statuses: ['open'], fireBefore: before }, { limit: options.limit ?? 100 });
    return page.items;
  }

  async update(actor: Actor, id: string, patch: ReminderPatch, options: WriteOptions = {}): Promise<Reminder> {
    const data = parseInput(ReminderPatch, patch, 'reminder change');
    return this.change(actor, id, options, 'reminder.updated', async (uow, reminder, now) => {
      const changes: Partial<Reminder> = {};
      if (data.title !== undefined) changes.title = data.title;
      if (data.notes !== undefined) changes.notes = data.notes;
      if (data.recurrence !== undefined) changes.recurrence = data.recurrence;
      const dueAt = data.dueAt ?? (data.due ? this.dueFromWords(data.due, await requireUser(uow, reminder.assigneeId), now, 'due') : undefined);
      if (dueAt !== undefined) Object.assign(changes, { dueAt, snoozedUntil: null, alertAt: reminder.status === 'open' ? dueAt : null });
      return changes;
    });
  }

  async snooze(actor: Actor, id: string, input: SnoozeInput, options: WriteOptions = {}): Promise<Reminder> {
    const data = parseInput(SnoozeInput, input, 'snooze');
    return this.change(actor, id, options, 'reminder.snoozed', async (uow, reminder, now) => {
      assertOpen(reminder, 'snooze');
      const until = data.until ?? this.dueFromWords(data.for ?? '', await requireUser(uow, reminder.assigneeId), now, 'for');
      if (until <= now.toISOString()) throw invalidInput('Snooze until a time in the future.', [{ path: 'until', message: 'In the past.' }]);
      return { snoozedUntil: until, alertAt: until };
    });
  }

  /** Marks a reminder done. A recurring one gets its next occurrence as a new reminder. */
  async complete(actor: Actor, id: string, options: WriteOptions = {}): Promise<{ reminder: Reminder; next: Reminder | null }> {
    let next: Reminder | null = null;
    const reminder = await this.change(actor, id, options, 'reminder.completed', async (uow, current, now) => {
      assertOpen(current, 'complete');
      const nextAt = current.recurrence ? nextOccurrence(current.dueAt, current.recurrence, current.timeZone, now) : null;
      if (nextAt) {
        const dueAt = nextAt.toISOString();
        next = { ...current, id: this.deps.ids.next('reminder'), dueAt, alertAt: dueAt, snoozedUntil: null, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() };
        await uow.reminders.insert(next);
        await recordEvent(uow, this.deps, actor, { type: 'reminder.created', entityType: 'reminder', entityId: next.id, after: next });
      }
      return { status: 'done', completedAt: now.toISOString(), alertAt: null };
    });
    return { reminder, next };
  }

  async cancel(actor: Actor, id: string, options: WriteOptions = {}): Promise<Reminder> {
    return this.change(actor, id, options, 'reminder.cancelled', async (_uow, reminder) => {
      assertOpen(reminder, 'cancel');
      return { status: 'cancelled', alertAt: null };
    });
  }

  private dueFromWords(words: string, assignee: User, now: Date, field: string): string {
    const parsed = parseDue(words, { now, timeZone: assignee.timeZone });
    if (!parsed.ok) throw invalidInput(parsed.error.message, [{ path: field, message: parsed.error.message }]);
    return parsed.at.toISOString();
  }

  private async change(
    actor: Actor,
    id: string,
    options: WriteOptions,
    type: string,
    decide: (uow: UnitOfWork, reminder: Reminder, now: Date) => Promise<Partial<Reminder>>,
  ): Promise<Reminder> {
    return this.deps.store.transaction(async (uow) => {
      const current = await requireReminder(uow, id);
      assertVersion(current, options.expectedVersion, 'reminder');
      await assertMayChange(uow, actor.user, current);
      const now = this.deps.clock.now();
      const changes = await decide(uow, current, now);
      const diff = changedFields(current, { ...current, ...changes }, ['version', 'updatedAt']);
      if (!diff) return current;
      const next = await saveNextVersion((r) => uow.reminders.update(r), current, changes, now.toISOString(), 'reminder');
      await recordEvent(uow, this.deps, actor, { type, entityType: 'reminder', entityId: id, ...diff });
      return next;
    });
  }
}

export { fireTime };

async function requireReminder(uow: UnitOfWork, id: string): Promise<Reminder> {
  const reminder = await uow.reminders.get(id);
  if (!reminder) throw notFound('reminder', id);
  return reminder;
}

async function requireUser(uow: UnitOfWork, id: string): Promise<User> {
  const user = await uow.users.get(id);
  if (!user || !user.active) throw invalidInput(`No active user with id ${id}.`, [{ path: 'assigneeId', message: 'Not an active user.' }]);
  return user;
}

function assertOpen(reminder: Reminder, doing: string): void {
  if (reminder.status !== 'open') throw conflict(`This reminder is already ${reminder.status}; there is nothing to ${doing}.`, { status: reminder.status });
}

async function assertMaySee(uow: UnitOfWork, actor: User, reminder: Reminder): Promise<void> {
  if (reminder.assigneeId === actor.id || reminder.createdById === actor.id || isAdmin(actor)) return;
  if (managesMember(actor, await uow.users.get(reminder.assigneeId))) return;
  // Someone else's reminder is private: it does not exist for this user.
  throw notFound('reminder', reminder.id);
}

async function assertMayChange(uow: UnitOfWork, actor: User, reminder: Reminder): Promise<void> {
  await assertMaySee(uow, actor, reminder);
}

async function completeLinks(
  uow: UnitOfWork,
  data: { contactId: string | null; accountId: string | null; dealId: string | null },
): Promise<Pick<Reminder, 'contactId' | 'accountId' | 'dealId'>> {
  let { contactId, accountId } = data;
  if (data.dealId) {
    const deal = await requireDeal(uow, data.dealId);
    accountId ??= deal.accountId;
    contactId ??= deal.primaryContactId;
  }
  if (contactId) accountId ??= (await requireContact(uow, contactId)).accountId;
  if (accountId) await requireAccount(uow, accountId);
  return { contactId, accountId, dealId: data.dealId };
}
