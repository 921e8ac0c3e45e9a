import { AccountService } from '../accounts/account.service.js';
import { ActivityService } from '../activities/activity.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { DealService } from '../deals/deal.service.js';
import { CustomerCardService } from '../lookup/customer-card.service.js';
import { LookupService } from '../lookup/lookup.service.js';
import { ReminderService } from '../reminders/reminder.service.js';
import { TokenService } from '../users/token.service.js';
import { UserService } from '../users/user.service.js';
import { IdentityService } from '../users/identity.service.js';
import { DealAlertService } from '../alerts/deal-alert.service.js';
import { MyDayService } from '../home/my-day.service.js';
import type { ServiceDeps } from './context.js';
import { createAnalyticsServices, type AnalyticsServices } from '../analytics/analytics-services.js';
import { EmailCaptureService } from '../capture/email-capture.service.js';

/** Every core service over one Store, clock and id source. */
export interface Services {
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
  myDay: MyDayService;
  /** What a rep does from their mailbox: log an email, add a sender, remind, edit a deal from the card. */
  capture: EmailCaptureService;
  /** Pipeline analytics: reports, targets, campaigns and their settings. */
  analytics: AnalyticsServices;
}

export function createServices(deps: ServiceDeps): Services {
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
    myDay: new MyDayService(deps),
    capture: new EmailCaptureService(deps, { accounts, contacts, deals, activities, reminders }),
    analytics: createAnalyticsServices(deps),
  };
}
