import { z } from 'zod';
import { defineRoute } from '../route.js';
import { Reminder } from '../schemas.js';

export const Notice = z.object({
  key: z.string(),
  reminder: Reminder,
  fireAt: z.string(),
  deliveredAt: z.string(),
});

export const noticeRoutes = {
  listNotices: defineRoute({
    method: 'GET',
    path: '/api/v1/notices',
    summary: 'Reminders that came due for you, for a client the hub cannot push to',
    description:
      'Your open reminders whose current firing the scheduler delivered to the browser-extension channel (after quiet hours), oldest first. ' +
      'Each has a key (reminder and firing): show each key once. A reminder completed, cancelled or snoozed drops out; a snoozed one comes back with a new key when it fires again.',
    tag: 'Reminders',
    auth: true,
    response: z.object({ items: z.array(Notice) }),
    status: 200,
  }),
};
