import { z } from 'zod';
import { Money } from '../../shared/money.js';
import { CalendarDate, DisplayName, Id, Instant } from '../../shared/schema.js';

export const CampaignChannel = z.enum(['email', 'events', 'paid_search', 'social', 'content', 'partners', 'referral', 'other']);
export type CampaignChannel = z.infer<typeof CampaignChannel>;

/**
 * A marketing push deals can name as their source (`Deal.campaignId`): what it cost, when it
 * ran, through which channel, and the team that runs it (null: the whole company).
 */
export const Campaign = z.object({
  id: Id,
  name: DisplayName(),
  channel: CampaignChannel,
  cost: Money,
  startDate: CalendarDate,
  endDate: CalendarDate.nullable(),
  teamId: Id.nullable(),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Campaign = z.infer<typeof Campaign>;

const endsAfterStart = (c: { startDate?: string | undefined; endDate?: string | null | undefined }): boolean =>
  c.startDate === undefined || c.endDate === undefined || c.endDate === null || c.endDate >= c.startDate;
const endMessage = { message: 'The end date cannot be before the start date.', path: ['endDate'] };

export const CampaignInput = z
  .strictObject({
    name: DisplayName(),
    channel: CampaignChannel.default('other'),
    cost: Money,
    startDate: CalendarDate,
    endDate: CalendarDate.nullable().default(null),
    /** Defaults to a manager's own team; an admin's campaigns are company-wide unless a team is named. */
    teamId: Id.nullable().optional(),
  })
  .refine(endsAfterStart, endMessage);
export type CampaignInput = z.input<typeof CampaignInput>;

export const CampaignPatch = z
  .strictObject({
    name: DisplayName().optional(),
    channel: CampaignChannel.optional(),
    cost: Money.optional(),
    startDate: CalendarDate.optional(),
    endDate: CalendarDate.nullable().optional(),
  })
  .refine(endsAfterStart, endMessage);
export type CampaignPatch = z.input<typeof CampaignPatch>;
