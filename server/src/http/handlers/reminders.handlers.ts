import type { ReminderFilter } from '@rapport/core';
import type { reminderRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function reminderHandlers({ services, store }: HttpDeps): Handlers<typeof reminderRoutes> {
  const reminders = services.reminders;
  return {
    listReminders: async ({ actor, query }) => {
      const about = {
        ...(query.contactId ? { contactIds: [query.contactId] } : {}),
        ...(query.accountId ? { accountIds: [query.accountId] } : {}),
        ...(query.dealId ? { dealIds: [query.dealId] } : {}),
      };
      const filter: ReminderFilter = {
        ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.dueBefore ? { fireBefore: query.dueBefore } : {}),
        ...(Object.keys(about).length > 0 ? { about } : {}),
      };
      return reminders.list(actor, filter, { limit: query.limit, cursor: query.cursor });
    },
    dueReminders: async ({ actor, query }) => ({ items: await reminders.listDue(actor, query.before ? { before: query.before } : {}) }),
    createReminder: async ({ actor, body }) => reminders.create(actor, body),
    getReminder: async ({ actor, params }) => {
      const reminder = await reminders.get(actor, params.id);
      const deliveries = await store.read((uow) => uow.deliveries.listForReminder(reminder.id));
      return { ...reminder, deliveries };
    },
    updateReminder: async ({ actor, params, body, ifMatch }) => reminders.update(actor, params.id, body, { expectedVersion: ifMatch }),
    snoozeReminder: async ({ actor, params, body, ifMatch }) => reminders.snooze(actor, params.id, body, { expectedVersion: ifMatch }),
    completeReminder: async ({ actor, params, ifMatch }) => reminders.complete(actor, params.id, { expectedVersion: ifMatch }),
    cancelReminder: async ({ actor, params, ifMatch }) => reminders.cancel(actor, params.id, { expectedVersion: ifMatch }),
  };
}
