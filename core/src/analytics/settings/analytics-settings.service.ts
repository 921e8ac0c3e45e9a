import { recordEvent } from '../../events/record-event.js';
import { assertAdmin, isAdmin, isManager } from '../../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../../services/context.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import { AnalyticsSettings, AnalyticsSettingsPatch, type EffectiveAnalyticsSettings } from './analytics-settings.schema.js';
import { analyticsSettingsKey, effectiveSettings } from './analytics-settings.js';

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
      await uow.settings.set(analyticsSettingsKey(teamId), next);
      if (teamId) await recordEvent(uow, this.deps, actor, { type: 'team.analytics_changed', entityType: 'team', entityId: teamId, before: values, after: next });
      return { ...next, teamId, source: teamId ? 'team' : 'company' };
    });
  }
}
