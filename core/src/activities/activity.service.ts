import { requireAccount } from '../accounts/account.service.js';
import { requireContact } from '../contacts/contact.service.js';
import { requireDeal } from '../deals/deal.service.js';
import { recordEvent } from '../events/record-event.js';
import { isAdmin, managesMember } from '../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { CrmError, forbidden, notFound } from '../shared/errors.js';
import { unique } from '../shared/objects.js';
import { PageRequest, type Page } from '../shared/page.js';
import { parseInput } from '../shared/validate.js';
import type { ActivityFilter } from './activity.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Activity} from './activity.schema.js';
import { ActivityInput } from './activity.schema.js';

export interface LoggedActivity {
  activity: Activity;
  /** False when the same external id was logged before: the earlier activity is returned. */
  created: boolean;
}

export class ActivityService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Logs an activity. Anyone may log against any customer. An activity whose external id
   * (an email's Message-ID, a Slack permalink) was logged before is not logged again.
   * Links are completed: a contact's account and a deal's account and contact are filled in.
   */
  async log(actor: Actor, input: ActivityInput): Promise<LoggedActivity> {
    const data = parseInput(ActivityInput, input, 'activity');
    try {
      return await this.deps.store.transaction(async (uow) => {
        if (data.externalId) {
          const existing = await uow.activities.findByExternalId(data.externalId);
          if (existing) return { activity: existing, created: false };
        }
        const links = await completeLinks(uow, data);
        const now = this.deps.clock.now().toISOString();
        const activity: Activity = {
          id: this.deps.ids.next('activity'),
          type: data.type,
          subject: data.subject,
          body: data.body,
          occurredAt: data.occurredAt ?? now,
          ...links,
          authorId: actor.user.id,
          surface: actor.surface,
          externalId: data.externalId,
          participants: unique(data.participants),
          createdAt: now,
        };
        await uow.activities.insert(activity);
        await recordEvent(uow, this.deps, actor, { type: 'activity.logged', entityType: 'activity', entityId: activity.id, after: activity });
        return { activity, created: true };
      });
    } catch (error) {
      // Two surfaces logging the same email at once: the second insert hits the unique rule.
      if (error instanceof CrmError && error.code === 'conflict' && data.externalId) {
        const existing = await this.deps.store.read((uow) => uow.activities.findByExternalId(data.externalId as string));
        if (existing) return { activity: existing, created: false };
      }
      throw error;
    }
  }

  async get(_actor: Actor, id: string): Promise<Activity> {
    const activity = await this.deps.store.read((uow) => uow.activities.get(id));
    if (!activity) throw notFound('activity', id);
    return activity;
  }

  async findByExternalId(_actor: Actor, externalId: string): Promise<Activity | null> {
    return this.deps.store.read((uow) => uow.activities.findByExternalId(externalId));
  }

  async list(_actor: Actor, filter: ActivityFilter, page: PageRequest): Promise<Page<Activity>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => uow.activities.list(filter, request));
  }

  /** Deletes an activity: its author, a manager of the author's team, or an admin. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const activity = await uow.activities.get(id);
      if (!activity) throw notFound('activity', id);
      const mayDelete =
        activity.authorId === actor.user.id || isAdmin(actor.user) || managesMember(actor.user, await uow.users.get(activity.authorId));
      if (!mayDelete) throw forbidden('Only its author, their manager or an admin can delete an activity.');
      await uow.activities.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'activity.deleted', entityType: 'activity', entityId: id, before: activity });
    });
  }
}

async function completeLinks(
  uow: UnitOfWork,
  data: { contactId: string | null; accountId: string | null; dealId: string | null },
): Promise<Pick<Activity, 'contactId' | 'accountId' | 'dealId'>> {
  let { contactId, accountId } = data;
  if (data.dealId) {
    const deal = await requireDeal(uow, data.dealId);
    accountId ??= deal.accountId;
    contactId ??= deal.primaryContactId;
  }
  if (contactId) {
    const contact = await requireContact(uow, contactId);
    accountId ??= contact.accountId;
  }
  if (accountId) await requireAccount(uow, accountId);
  return { contactId, accountId, dealId: data.dealId };
}
