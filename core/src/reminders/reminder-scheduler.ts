import type { ServiceDeps } from '../services/context.js';
import { CrmError } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Notifier, ReminderNotice } from './notifier.port.js';
import { quietUntil } from './quiet-hours.js';
import { fireTime, type Reminder, type ReminderDelivery } from './reminder.schema.js';

export interface SchedulerOptions {
  /** This hub's name in leases, so a crashed hub's claims expire and another picks them up. */
  owner: string;
  notifiers: readonly Notifier[];
  leaseMs?: number;
  batchSize?: number;
  /** Attempts per channel before a delivery is marked failed. */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Longest a channel may take before the attempt counts as failed. */
  deliveryTimeoutMs?: number;
  /**
   * A firing first seen this long after it came due (the hub was down, or the reminder was
   * imported already overdue) is not pinged: it stays overdue in every list. Default 24 h.
   */
  missedAfterMs?: number;
}

export interface TickResult {
  claimed: number;
  delivered: number;
  failed: number;
  retrying: number;
  /** Held back by the assignee's quiet hours. */
  deferred: number;
  /** Came due too long ago to ping about (see missedAfterMs). */
  missed: number;
}

const defaultBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * Delivers reminders that came due to every channel that reaches their assignee, and logs
 * each delivery. Work is claimed through the Store with a lease, so several hubs can run
 * schedulers side by side: a reminder goes to each channel once, a failed channel is retried
 * with backoff, and a crashed hub's claims are picked up when its lease runs out.
 *
 * A delivery is recorded right after the channel accepts it; only a crash between those two
 * steps can repeat it, and channels receive a stable `deliveryKey` to drop such a repeat.
 */
export class ReminderScheduler {
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly deliveryTimeoutMs: number;
  private readonly missedAfterMs: number;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly options: SchedulerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.batchSize = options.batchSize ?? 50;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 20_000;
    this.missedAfterMs = options.missedAfterMs ?? 24 * 3_600_000;
  }

  /** One pass: claims what is due and delivers it. The hub calls this on a timer. */
  async tick(): Promise<TickResult> {
    const result: TickResult = { claimed: 0, delivered: 0, failed: 0, retrying: 0, deferred: 0, missed: 0 };
    const now = this.deps.clock.now();
    const claimed = await this.deps.store.transaction((uow) =>
      uow.reminders.claimAlerts({
        now: now.toISOString(),
        owner: this.options.owner,
        leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        limit: this.batchSize,
      }),
    );
    result.claimed = claimed.length;
    for (const reminder of claimed) {
      const alertAt = await this.process(reminder, result).catch(async () => new Date(this.deps.clock.now().getTime() + this.backoffMs(1)).toISOString());
      await this.deps.store.transaction((uow) => uow.reminders.releaseAlert(reminder.id, this.options.owner, reminder.version, alertAt));
    }
    return result;
  }

  /** Delivers one reminder; returns when to look at it again (null: nothing left to do). */
  private async process(reminder: Reminder, result: TickResult): Promise<string | null> {
    const notice = await this.deps.store.read((uow) => buildNotice(uow, reminder));
    if (!notice) return null;
    const now = this.deps.clock.now();
    if (now.getTime() - Date.parse(notice.fireAt) > this.missedAfterMs && !(await this.anyAttempt(notice))) {
      result.missed += 1;
      return null;
    }
    const quiet = quietUntil(now, notice.assignee.timeZone, notice.assignee.quietHours);
    if (quiet) {
      result.deferred += 1;
      return quiet.toISOString();
    }
    const retryTimes: string[] = [];
    for (const notifier of this.options.notifiers.filter((n) => n.reaches(notice.assignee))) {
      const outcome = await this.deliverOne(notifier, notice);
      if (outcome.status === 'delivered' && outcome.attempted) result.delivered += 1;
      if (outcome.status === 'failed' && outcome.attempted) result.failed += 1;
      if (outcome.status === 'retrying' && outcome.nextAttemptAt) {
        if (outcome.attempted) result.retrying += 1;
        retryTimes.push(outcome.nextAttemptAt);
      }
    }
    return retryTimes.sort()[0] ?? null;
  }

  /** Whether any channel has tried this firing already (then its retries go on). */
  private async anyAttempt(notice: ReminderNotice): Promise<boolean> {
    const deliveries = await this.deps.store.read((uow) => uow.deliveries.listForReminder(notice.reminder.id));
    return deliveries.some((d) => d.fireAt === notice.fireAt);
  }

  private async deliverOne(notifier: Notifier, notice: ReminderNotice): Promise<ReminderDelivery & { attempted: boolean }> {
    const { reminder, fireAt } = notice;
    const previous = await this.deps.store.read((uow) => uow.deliveries.find(reminder.id, fireAt, notifier.channel));
    const now = this.deps.clock.now();
    if (previous && (previous.status !== 'retrying' || (previous.nextAttemptAt ?? '') > now.toISOString())) {
      return { ...previous, attempted: false };
    }
    const attempts = (previous?.attempts ?? 0) + 1;
    let delivery: ReminderDelivery;
    try {
      await withTimeout(notifier.deliver(notice), this.deliveryTimeoutMs, notifier.channel);
      const at = this.deps.clock.now().toISOString();
      delivery = { id: previous?.id ?? this.deps.ids.next('delivery'), reminderId: reminder.id, fireAt, channel: notifier.channel, status: 'delivered', attempts, lastError: null, nextAttemptAt: null, deliveredAt: at, updatedAt: at };
    } catch (error) {
      const at = this.deps.clock.now();
      const retryAfter = error instanceof CrmError && typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : this.backoffMs(attempts);
      const giveUp = attempts >= this.maxAttempts;
      delivery = {
        id: previous?.id ?? this.deps.ids.next('delivery'),
        reminderId: reminder.id,
        fireAt,
        channel: notifier.channel,
        status: giveUp ? 'failed' : 'retrying',
        attempts,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        nextAttemptAt: giveUp ? null : new Date(at.getTime() + retryAfter).toISOString(),
        deliveredAt: null,
        updatedAt: at.toISOString(),
      };
    }
    await this.deps.store.transaction((uow) => uow.deliveries.save(delivery));
    return { ...delivery, attempted: true };
  }
}

async function buildNotice(uow: UnitOfWork, reminder: Reminder): Promise<ReminderNotice | null> {
  const current = await uow.reminders.get(reminder.id);
  if (!current || current.status !== 'open') return null;
  const assignee = await uow.users.get(current.assigneeId);
  if (!assignee || !assignee.active) return null;
  const fireAt = fireTime(current);
  const [contact, account, deals, activities] = await Promise.all([
    current.contactId ? uow.contacts.get(current.contactId) : null,
    current.accountId ? uow.accounts.get(current.accountId) : null,
    current.dealId
      ? uow.deals.getMany([current.dealId])
      : current.accountId
        ? uow.deals.list({ accountId: current.accountId, statuses: ['open'] }, { limit: 5 }).then((p) => p.items)
        : Promise.resolve([]),
    current.contactId || current.accountId || current.dealId
      ? uow.activities.list({ about: aboutReminder(current) }, { limit: 1 }).then((p) => p.items)
      : Promise.resolve([]),
  ]);
  return {
    reminder: current,
    assignee,
    fireAt,
    deliveryKey: `${current.id}:${fireAt}`,
    contact,
    account,
    openDeals: deals,
    lastActivity: activities[0] ?? null,
  };
}

function aboutReminder(r: Reminder) {
  return {
    ...(r.contactId ? { contactIds: [r.contactId] } : {}),
    ...(r.accountId ? { accountIds: [r.accountId] } : {}),
    ...(r.dealId ? { dealIds: [r.dealId] } : {}),
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, channel: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CrmError('unavailable', `The ${channel} channel did not answer within ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
