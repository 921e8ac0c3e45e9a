import { assertAdmin } from '../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { Money } from '../shared/money.js';
import { parseInput } from '../shared/validate.js';
import type { CrmEvent } from '../events/event.schema.js';
import { recordEvent } from '../events/record-event.js';
import { ALERT_EVENT_TYPES, alertKindOf, DEFAULT_ALERT_SETTINGS, DealAlertSettings, stageMove, type DealAlert } from './deal-alerts.js';

const SETTINGS_KEY = 'alerts.deals';
const PAGE = 200;

export interface AlertSettingsChange {
  /** A channel id; null turns alerts off. */
  channel?: string | null;
  /** Sets (or, with minor 0, clears) the minimum for one currency. */
  minimum?: Money;
}

/** The deal alerts a team channel gets: their settings, and the alerts for recent deal events. */
export class DealAlertService {
  constructor(private readonly deps: ServiceDeps) {}

  async settings(): Promise<DealAlertSettings> {
    const stored = await this.deps.store.read((uow) => uow.settings.get(SETTINGS_KEY));
    const parsed = DealAlertSettings.safeParse(stored);
    return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
  }

  /** Admins only. Returns the settings as they are now. */
  async configure(actor: Actor, change: AlertSettingsChange): Promise<DealAlertSettings> {
    assertAdmin(actor.user, 'change where deal alerts go');
    const minimum = change.minimum === undefined ? undefined : parseInput(Money, change.minimum, 'alert minimum');
    const current = await this.settings();
    const minimums = minimum === undefined ? current.minimums : [...current.minimums.filter((m) => m.currency !== minimum.currency), ...(minimum.minor > 0 ? [minimum] : [])];
    const channel = change.channel === undefined ? current.channel : change.channel;
    const since = channel !== current.channel ? this.deps.clock.now().toISOString() : current.since;
    const next = parseInput(DealAlertSettings, { channel, minimums, since }, 'alert settings');
    await this.deps.store.transaction(async (uow) => {
      await uow.settings.set(SETTINGS_KEY, next);
      await recordEvent(uow, this.deps, actor, { type: 'user.alerts_changed', entityType: 'user', entityId: actor.user.id, before: current, after: next });
    });
    return next;
  }

  /**
   * The alerts for deal events recorded in [from, to), oldest first, judged by the current
   * settings and the deals as they are now. Several hubs may ask for the same window: the
   * caller makes each event's announcement happen once (by its `eventId`).
   */
  async alertsBetween(from: string, to: string): Promise<DealAlert[]> {
    const settings = await this.settings();
    if (settings.channel === null) return [];
    const start = settings.since !== null && settings.since > from ? settings.since : from;
    if (start >= to) return [];
    return this.deps.store.read(async (uow) => {
      const events: CrmEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await uow.events.list({ entityType: 'deal', types: ALERT_EVENT_TYPES, from: start, to }, { limit: PAGE, cursor });
        events.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && events.length < PAGE * 10);
      events.reverse();
      const deals = new Map((await uow.deals.getMany([...new Set(events.map((e) => e.entityId))])).map((d) => [d.id, d]));
      const pipelines = await uow.pipelines.list();
      const accounts = new Map((await uow.accounts.getMany([...new Set([...deals.values()].map((d) => d.accountId))])).map((a) => [a.id, a]));
      const people = new Map(
        (await uow.users.getMany([...new Set([...events.map((e) => e.actorId), ...[...deals.values()].map((d) => d.ownerId)].filter((id): id is string => id !== null))])).map((u) => [u.id, u]),
      );
      const person = (id: string | null) => {
        const user = id ? people.get(id) : undefined;
        return user ? { id: user.id, name: user.name } : null;
      };
      const alerts: DealAlert[] = [];
      for (const event of events) {
        const deal = deals.get(event.entityId);
        if (!deal) continue;
        const pipeline = pipelines.find((p) => p.id === deal.pipelineId) ?? null;
        const kind = alertKindOf(event, deal, pipeline, settings);
        if (!kind) continue;
        const stageName = (id: string | null) => (id === null ? null : (pipeline?.stages.find((s) => s.id === id)?.name ?? id));
        const move = stageMove(event);
        alerts.push({
          eventId: event.id,
          kind,
          deal,
          accountName: accounts.get(deal.accountId)?.name ?? '',
          actor: person(event.actorId),
          owner: person(deal.ownerId),
          fromStage: stageName(move.from),
          toStage: stageName(move.to),
          at: event.at,
        });
      }
      return alerts;
    });
  }
}
