import type { Actor, ServiceDeps } from '../services/context.js';
import type { Reminder } from './reminder.schema.js';
import { fireTime } from './reminder.schema.js';

/** A reminder firing that a pull channel (the browser extension) should show its user. */
export interface ChannelNotice {
  /** `<reminder id>:<fire time>`, the scheduler's delivery key: a channel shows each key once. */
  key: string;
  reminder: Reminder;
  fireAt: string;
  /** When the scheduler handed it to the channel (after quiet hours, if any). */
  deliveredAt: string;
}

const MAX_NOTICES = 100;

/**
 * The actor's open reminders whose current firing the scheduler has delivered to `channel`,
 * oldest first. For channels the hub cannot push to: the scheduler decides when a reminder may
 * ping (due time, snoozes, quiet hours, once per firing) and logs the delivery; the client asks
 * for these and shows each key once. Done, cancelled or re-snoozed reminders drop out by themselves.
 */
export async function deliveredNotices(deps: ServiceDeps, actor: Actor, channel: string): Promise<ChannelNotice[]> {
  // Fire times up to and including now.
  const until = new Date(deps.clock.now().getTime() + 1).toISOString();
  return deps.store.read(async (uow) => {
    const due = await uow.reminders.list({ assigneeId: actor.user.id, statuses: ['open'], fireBefore: until }, { limit: MAX_NOTICES });
    const notices: ChannelNotice[] = [];
    for (const reminder of due.items) {
      const fireAt = fireTime(reminder);
      const delivery = await uow.deliveries.find(reminder.id, fireAt, channel);
      if (delivery?.status !== 'delivered' || delivery.deliveredAt === null) continue;
      notices.push({ key: `${reminder.id}:${fireAt}`, reminder, fireAt, deliveredAt: delivery.deliveredAt });
    }
    return notices;
  });
}
