import type { UnitOfWork } from '../../store/store.port.js';
import type { User } from '../../users/user.schema.js';
import { AnalyticsSettings, CHURN_FACTOR_PERCENT, DEFAULT_ANALYTICS_SETTINGS, type EffectiveAnalyticsSettings } from './analytics-settings.schema.js';

/**
 * Settings live in the Store's settings (key–value) table: the company defaults under
 * `analytics.company`, a team's own under `analytics.team.<team id>`. A team without its own
 * uses the company's; without either, the built-in defaults apply.
 */
const COMPANY_KEY = 'analytics.company';
const teamKey = (teamId: string): string => `analytics.team.${teamId}`;

/** Where a team's settings (null: the company's) are kept. */
export const analyticsSettingsKey = (teamId: string | null): string => (teamId ? teamKey(teamId) : COMPANY_KEY);

async function stored(uow: UnitOfWork, key: string): Promise<AnalyticsSettings | null> {
  const value = await uow.settings.get<unknown>(key);
  const parsed = AnalyticsSettings.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The settings that apply to a team (null: the company defaults). */
export async function effectiveSettings(uow: UnitOfWork, teamId: string | null): Promise<EffectiveAnalyticsSettings> {
  const own = teamId ? await stored(uow, teamKey(teamId)) : null;
  if (own) return { ...own, teamId, source: 'team' };
  const company = await stored(uow, COMPANY_KEY);
  return { ...(company ?? DEFAULT_ANALYTICS_SETTINGS), teamId, source: company ? 'company' : 'default' };
}

/** What applies to each person's records: their team's settings, else the company's. */
export interface SettingsByOwner {
  company: AnalyticsSettings;
  of(user: Pick<User, 'teamId'> | undefined): AnalyticsSettings;
  /** Every distinct value among teams and the company, for stores that take one number per query. */
  all(): AnalyticsSettings[];
}

export async function settingsByOwner(uow: UnitOfWork): Promise<SettingsByOwner> {
  const company = await effectiveSettings(uow, null);
  const byTeam = new Map<string, AnalyticsSettings>();
  for (const team of await uow.teams.list()) byTeam.set(team.id, await effectiveSettings(uow, team.id));
  return {
    company,
    of: (user) => (user?.teamId ? (byTeam.get(user.teamId) ?? company) : company),
    all: () => [company, ...byTeam.values()],
  };
}

/** A team's churn factor in percent (see CHURN_FACTOR_PERCENT). */
export const churnFactorPercent = (settings: AnalyticsSettings): number => CHURN_FACTOR_PERCENT[settings.churnSensitivity];
