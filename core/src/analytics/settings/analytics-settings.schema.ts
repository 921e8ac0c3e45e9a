import { z } from 'zod';

/** How sensitive churn warnings are: how many of an account's usual intervals may pass in silence. */
export const ChurnSensitivity = z.enum(['low', 'normal', 'high']);
export type ChurnSensitivity = z.infer<typeof ChurnSensitivity>;

/** Silence longer than this many percent of the usual interval raises a warning. */
export const CHURN_FACTOR_PERCENT: Record<ChurnSensitivity, number> = { low: 300, normal: 200, high: 150 };

/**
 * The numbers a team tunes its analytics with. Stored per team, with company-wide defaults
 * (see AnalyticsSettingsService).
 */
export const AnalyticsSettings = z.object({
  /** An open deal at or above this win probability (%) is in the commit forecast, as is any deal its owner marked commit. */
  commitThreshold: z.number().int('A whole percentage, 1–100.').min(1).max(100),
  /** A deal is stale once its time in its stage is more than this many times the stage's median. */
  staleFactor: z.number().min(1, 'At least 1 (the median itself).').max(20),
  /** high warns after 1.5 usual intervals of silence, normal after 2, low after 3. */
  churnSensitivity: ChurnSensitivity,
});
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = { commitThreshold: 80, staleFactor: 2, churnSensitivity: 'normal' };

/** Only the fields sent change. */
export const AnalyticsSettingsPatch = z.strictObject({
  commitThreshold: AnalyticsSettings.shape.commitThreshold.optional(),
  staleFactor: AnalyticsSettings.shape.staleFactor.optional(),
  churnSensitivity: ChurnSensitivity.optional(),
});
export type AnalyticsSettingsPatch = z.input<typeof AnalyticsSettingsPatch>;

/** Settings as a team reads them: the values, and where they come from. */
export const EffectiveAnalyticsSettings = AnalyticsSettings.extend({
  /** The team they belong to; null for the company defaults. */
  teamId: z.string().nullable(),
  /** `team`: the team set its own; `company`: the company defaults apply; `default`: nobody set any yet. */
  source: z.enum(['team', 'company', 'default']),
});
export type EffectiveAnalyticsSettings = z.infer<typeof EffectiveAnalyticsSettings>;
