import { AccountService } from '../accounts/account.service.js';
import { ActivityService } from '../activities/activity.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { DealService } from '../deals/deal.service.js';
import { PipelineService } from '../deals/pipeline.service.js';
import { CustomerCardService } from '../lookup/customer-card.service.js';
import { LookupService } from '../lookup/lookup.service.js';
import { ReminderService } from '../reminders/reminder.service.js';
import { TokenService } from '../users/token.service.js';
import { UserService } from '../users/user.service.js';
import { IdentityService } from '../users/identity.service.js';
import { DealAlertService } from '../alerts/deal-alert.service.js';
import { MyDayService } from '../home/my-day.service.js';
import type { AnalyticsServiceDeps, ServiceDeps } from './context.js';
import { createAnalyticsServices, type AnalyticsServices } from '../analytics/analytics-services.js';
import { EmailCaptureService } from '../capture/email-capture.service.js';
import { CustomFieldService } from '../custom-fields/custom-field.service.js';

/** The services every Store supports (the browser's local store included). */
export interface CoreServices {
  users: UserService;
  tokens: TokenService;
  accounts: AccountService;
  contacts: ContactService;
  deals: DealService;
  activities: ActivityService;
  reminders: ReminderService;
  lookup: LookupService;
  cards: CustomerCardService;
  identities: IdentityService;
  alerts: DealAlertService;
  /** What a rep does from their mailbox: log an email, add a sender, remind, edit a deal from the card. */
  capture: EmailCaptureService;
  /** Pipelines and their stages: read by everyone, edited by admins and by managers for their team. */
  pipelines: PipelineService;
  /** Custom fields on accounts, contacts and deals: admins define them, everyone reads them. */
  customFields: CustomFieldService;
}

/** Every core service, over a Store with the analytics capability (the hub's). */
export interface Services extends CoreServices {
  /** A rep's day; its stale deals come from the report queries. */
  myDay: MyDayService;
  /** Pipeline analytics: reports, targets, campaigns and their settings. */
  analytics: AnalyticsServices;
}

/** The services over a Store without analytics (the browser's local store): no reports, targets or campaigns. */
export function createCoreServices(deps: ServiceDeps): CoreServices {
  const accounts = new AccountService(deps);
  const contacts = new ContactService(deps);
  const deals = new DealService(deps);
  const activities = new ActivityService(deps);
  const reminders = new ReminderService(deps);
  return {
    users: new UserService(deps),
    tokens: new TokenService(deps),
    accounts,
    contacts,
    deals,
    activities,
    reminders,
    lookup: new LookupService(deps),
    cards: new CustomerCardService(deps),
    identities: new IdentityService(deps),
    alerts: new DealAlertService(deps),
    capture: new EmailCaptureService(deps, { accounts, contacts, deals, activities, reminders }),
    pipelines: new PipelineService(deps),
    customFields: new CustomFieldService(deps),
  };
}

/** Every core service over one Store, clock and id source. */
export function createServices(deps: AnalyticsServiceDeps): Services {
  return {
    ...createCoreServices(deps),
    myDay: new MyDayService(deps),
    analytics: createAnalyticsServices(deps),
  };
}
