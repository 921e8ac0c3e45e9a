import { recordEvent } from '../../events/record-event.js';
import { assertAdmin, isAdmin, isManager } from '../../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../../services/context.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import type { UnitOfWork } from '../../store/store.port.js';
import type { User } from '../../users/user.schema.js';
import {
  AnalyticsSettings,
  AnalyticsSettingsPatch,
  CHURN_FACTOR_PERCENT,
  DEFAULT_ANALYTICS_SETTINGS,
  type EffectiveAnalyticsSettings,
} from './analytics-settings.schema.js';

/**
 * Settings live in the Store's settings (key–value) table: the company defaults under
 * `analytics.company`, a team's own under `analytics.team.<team id>`. A team without its own
 * uses the company's; without either, the built-in defaults apply.
 */
const COMPANY_KEY = 'analytics.company';
const teamKey = (teamId: string): string => `analytics.team.${teamId}`;

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

/** Reads and changes the analytics settings. Everyone reads them; a manager changes their team's, an admin any team's and the company's. */
export class AnalyticsSettingsService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(_actor: Actor, teamId: string | null): Promise<EffectiveAnalyticsSettings> {
    return this.deps.store.read(async (uow) => {
      if (teamId && !(await uow.teams.get(teamId))) throw notFound('team', teamId);
      return effectiveSettings(uow, teamId);
    });
  }

  async update(actor: Actor, teamId: string | null, patch: AnalyticsSettingsPatch): Promise<EffectiveAnalyticsSettings> {
    const changes = parseInput(AnalyticsSettingsPatch, patch, 'analytics settings');
    return this.deps.store.transaction(async (uow) => {
      if (teamId === null) assertAdmin(actor.user, 'change the company-wide analytics settings');
      else {
        const team = await uow.teams.get(teamId);
        if (!team) throw notFound('team', teamId);
        if (!isAdmin(actor.user) && !(isManager(actor.user) && actor.user.teamId === teamId)) {
          throw forbidden('A team\'s analytics settings are changed by its manager or an admin.');
        }
      }
      const before = await effectiveSettings(uow, teamId);
      const { teamId: _team, source: _source, ...values } = before;
      const next = AnalyticsSettings.parse({ ...values, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) });
      await uow.settings.set(teamId ? teamKey(teamId) : COMPANY_KEY, next);
      if (teamId) await recordEvent(uow, this.deps, actor, { type: 'team.analytics_changed', entityType: 'team', entityId: teamId, before: values, after: next });
      return { ...next, teamId, source: teamId ? 'team' : 'company' };
    });
  }
}
