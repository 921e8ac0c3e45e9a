import { accountRoutes } from './routes/accounts.routes.js';
import { activityRoutes } from './routes/activities.routes.js';
import { contactRoutes } from './routes/contacts.routes.js';
import { dealRoutes } from './routes/deals.routes.js';
import { lookupRoutes } from './routes/lookup.routes.js';
import { peopleRoutes } from './routes/people.routes.js';
import { reminderRoutes } from './routes/reminders.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { noticeRoutes } from './routes/notices.routes.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { captureRoutes } from './routes/capture.routes.js';
import { mailRoutes } from './routes/mail.routes.js';
import { currencyRoutes } from './routes/currency.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { pipelineRoutes } from './routes/pipelines.routes.js';
import { customFieldRoutes } from './routes/custom-fields.routes.js';

/** Every REST operation of the hub, by operation id. */
export const api = {
  ...systemRoutes,
  ...lookupRoutes,
  ...accountRoutes,
  ...contactRoutes,
  ...dealRoutes,
  ...activityRoutes,
  ...captureRoutes,
  ...reminderRoutes,
  ...peopleRoutes,
  ...noticeRoutes,
  ...analyticsRoutes,
  ...mailRoutes,
  ...currencyRoutes,
  ...importRoutes,
  ...pipelineRoutes,
  ...customFieldRoutes,
};

export type Api = typeof api;
export type OperationId = keyof Api;
