import type { z } from 'zod';
import { Account } from '../accounts/account.schema.js';
import { Activity } from '../activities/activity.schema.js';
import { Contact } from '../contacts/contact.schema.js';
import { Deal, StageChange } from '../deals/deal.schema.js';
import { DEFAULT_STAGES, Pipeline } from '../deals/pipeline.schema.js';
import { CrmEvent } from '../events/event.schema.js';
import { Reminder, ReminderDelivery } from '../reminders/reminder.schema.js';
import { AccessToken } from '../users/token.schema.js';
import { Team, User } from '../users/user.schema.js';
import { Campaign } from '../analytics/campaigns/campaign.schema.js';
import { Target } from '../analytics/targets/target.schema.js';
import { CustomFieldDefinition } from '../custom-fields/custom-field.schema.js';

/**
 * Test data that is valid by construction: each builder fills sensible defaults, applies the
 * overrides and parses the result with the domain's zod schema, so a test cannot build a record
 * the domain would reject. Ids count up, so records built later sort after earlier ones.
 */

/** The instant builders use when a test does not care: 2026-01-05 09:00 UTC, a Monday. */
export const AT = '2026-01-05T09:00:00.000Z';
/** The owner builders assign when a test does not name one. */
export const OWNER_ID = 'usr_owner';
/** The pipeline deals belong to unless a test says otherwise. */
export const PIPELINE_ID = 'pipe_sales';

let counter = 0;

/** A fresh id of this kind, later than every id made before it in this process. */
export function testId(prefix: string): string {
  counter += 1;
  return `${prefix}_t${String(counter).padStart(8, '0')}`;
}

type Overrides<S extends z.ZodType> = Partial<z.input<S>>;

export function aUser(overrides: Overrides<typeof User> = {}): User {
  const id = overrides.id ?? testId('usr');
  return User.parse({
    id,
    name: 'Ann Lee',
    email: `${id.replace('_', '.')}@example.com`,
    role: 'rep',
    teamId: null,
    timeZone: 'UTC',
    quietHours: null,
    identities: { slackUserId: null, entraObjectId: null },
    active: true,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aTeam(overrides: Overrides<typeof Team> = {}): Team {
  return Team.parse({ id: testId('team'), name: 'Sales EMEA', createdAt: AT, ...overrides });
}

export function aToken(overrides: Overrides<typeof AccessToken> = {}): AccessToken {
  counter += 1;
  return AccessToken.parse({
    id: testId('tok'),
    userId: OWNER_ID,
    name: 'Laptop',
    tokenHash: counter.toString(16).padStart(64, '0'),
    prefix: 'rpt_ab12',
    createdAt: AT,
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  });
}

export function anAccount(overrides: Overrides<typeof Account> = {}): Account {
  return Account.parse({
    id: testId('acc'),
    name: 'Acme Corp',
    domains: [],
    industry: null,
    size: null,
    ownerId: OWNER_ID,
    lifecycle: 'prospect',
    segment: null,
    customFields: {},
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aContact(overrides: Overrides<typeof Contact> = {}): Contact {
  return Contact.parse({
    id: testId('con'),
    name: 'Ann Lee',
    accountId: null,
    emails: [],
    phones: [],
    title: null,
    ownerId: OWNER_ID,
    customFields: {},
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aPipeline(overrides: Overrides<typeof Pipeline> = {}): Pipeline {
  return Pipeline.parse({
    id: testId('pipe'),
    name: 'Sales',
    isDefault: false,
    teamId: null,
    stages: DEFAULT_STAGES,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aDeal(overrides: Overrides<typeof Deal> = {}): Deal {
  return Deal.parse({
    id: testId('deal'),
    title: 'Acme renewal',
    accountId: 'acc_acme',
    primaryContactId: null,
    amount: { minor: 1_000_000, currency: 'USD' },
    pipelineId: PIPELINE_ID,
    stageId: 'lead',
    probability: 10,
    probabilityOverridden: false,
    expectedCloseDate: null,
    ownerId: OWNER_ID,
    collaboratorIds: [],
    status: 'open',
    lostReason: null,
    competitor: null,
    campaignId: null,
    commit: false,
    stageEnteredAt: AT,
    closedAt: null,
    customFields: {},
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aStageChange(overrides: Overrides<typeof StageChange> = {}): StageChange {
  return StageChange.parse({
    id: testId('stg'),
    dealId: 'deal_acme',
    fromStageId: null,
    fromStatus: null,
    stageId: 'lead',
    status: 'open',
    at: AT,
    actorId: OWNER_ID,
    surface: 'api',
    ...overrides,
  });
}

export function anActivity(overrides: Overrides<typeof Activity> = {}): Activity {
  return Activity.parse({
    id: testId('act'),
    type: 'note',
    subject: null,
    body: 'Called about the renewal.',
    occurredAt: AT,
    contactId: null,
    accountId: 'acc_acme',
    dealId: null,
    authorId: OWNER_ID,
    surface: 'api',
    externalId: null,
    participants: [],
    createdAt: AT,
    ...overrides,
  });
}

export function aReminder(overrides: Overrides<typeof Reminder> = {}): Reminder {
  return Reminder.parse({
    id: testId('rem'),
    title: 'Follow up on the proposal',
    notes: null,
    contactId: null,
    accountId: 'acc_acme',
    dealId: null,
    assigneeId: OWNER_ID,
    createdById: OWNER_ID,
    dueAt: AT,
    timeZone: 'UTC',
    snoozedUntil: null,
    recurrence: null,
    status: 'open',
    completedAt: null,
    alertAt: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aDelivery(overrides: Overrides<typeof ReminderDelivery> = {}): ReminderDelivery {
  return ReminderDelivery.parse({
    id: testId('dlv'),
    reminderId: 'rem_acme',
    fireAt: AT,
    channel: 'slack',
    status: 'delivered',
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function anEvent(overrides: Overrides<typeof CrmEvent> = {}): CrmEvent {
  return CrmEvent.parse({
    id: testId('evt'),
    type: 'deal.created',
    entityType: 'deal',
    entityId: 'deal_acme',
    actorId: OWNER_ID,
    surface: 'api',
    before: null,
    after: { title: 'Acme renewal' },
    at: AT,
    ...overrides,
  });
}

export function aTarget(overrides: Overrides<typeof Target> = {}): Target {
  return Target.parse({
    id: testId('tgt'),
    userId: OWNER_ID,
    month: '2026-01',
    amount: { minor: 5_000_000, currency: 'USD' },
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function aCampaign(overrides: Overrides<typeof Campaign> = {}): Campaign {
  return Campaign.parse({
    id: testId('cmp'),
    name: 'Spring webinar series',
    channel: 'events',
    cost: { minor: 1_000_000, currency: 'USD' },
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    teamId: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

/** A live text field on deals unless overridden; selects need `options`. */
export function aCustomField(overrides: Overrides<typeof CustomFieldDefinition> = {}): CustomFieldDefinition {
  return CustomFieldDefinition.parse({
    id: testId('fld'),
    objectType: 'deal',
    key: 'notes_short',
    label: 'Short notes',
    helpText: null,
    type: 'text',
    required: false,
    options: [],
    showOnCard: false,
    position: 0,
    deletedAt: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}
