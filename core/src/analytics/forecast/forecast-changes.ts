import type { Deal } from '../../deals/deal.schema.js';
import type { Pipeline } from '../../deals/pipeline.schema.js';
import type { CrmEvent } from '../../events/event.schema.js';
import type { Money } from '../../shared/money.js';
import { compareCodePoints } from '../../shared/text.js';
import type { User } from '../../users/user.schema.js';
import type { ForecastChange } from './forecast.schema.js';

/** The deal events a forecast's "what changed" list is made from. */
export const FORECAST_EVENT_TYPES = ['deal.created', 'deal.stage_changed', 'deal.updated', 'deal.won', 'deal.lost', 'deal.reopened'] as const;

/** How many changes the list keeps, newest first. */
export const MAX_FORECAST_CHANGES = 100;

const has = (value: unknown, key: string): value is Record<string, unknown> => typeof value === 'object' && value !== null && key in value;
const field = (value: unknown, key: string): unknown => (has(value, key) ? value[key] : undefined);

const isMoney = (value: unknown): value is Money => has(value, 'minor') && has(value, 'currency') && typeof value.minor === 'number' && typeof value.currency === 'string';

const byTime = (a: CrmEvent, b: CrmEvent): number => compareCodePoints(a.at, b.at) || compareCodePoints(a.id, b.id);

/** The first "before" and last "after" of one field over a deal's events that changed it. */
function net(events: readonly CrmEvent[], key: string): { from: unknown; to: unknown; at: string } | null {
  const touched = events.filter((e) => has(e.after, key));
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last) return null;
  const from = field(first.before, key);
  const to = field(last.after, key);
  return JSON.stringify(from) === JSON.stringify(to) ? null : { from, to, at: last.at };
}

const OUTCOME_OF_EVENT = { 'deal.won': 'won', 'deal.lost': 'lost', 'deal.reopened': 'reopened' } as const;
const STATUS_OF_OUTCOME = { won: 'won', lost: 'lost', reopened: 'open' } as const;

/**
 * How a deal's closing changed in the window, as it stands now: the last win, loss or reopening,
 * shown only while the deal still is what it says (a deal won and then reopened is "reopened",
 * never "won").
 */
function closeOutcome(ordered: readonly CrmEvent[], deal: Deal): { kind: 'won' | 'lost' | 'reopened'; at: string } | null {
  const last = ordered.filter((e): e is CrmEvent & { type: keyof typeof OUTCOME_OF_EVENT } => Object.hasOwn(OUTCOME_OF_EVENT, e.type)).pop();
  if (!last) return null;
  const kind = OUTCOME_OF_EVENT[last.type];
  return deal.status === STATUS_OF_OUTCOME[kind] ? { kind, at: last.at } : null;
}

/**
 * Why a forecast moved over a window, from the deals' events: each deal's stage, close date and
 * amount compared between the start and the end of the window (a deal moved forward and back
 * again did not move), plus deals created, won and lost in it. Newest first.
 */
export function forecastChanges(events: readonly CrmEvent[], deals: ReadonlyMap<string, Deal>, pipelines: ReadonlyMap<string, Pipeline>, users: ReadonlyMap<string, User>): ForecastChange[] {
  const byDeal = new Map<string, CrmEvent[]>();
  for (const event of events) {
    const list = byDeal.get(event.entityId) ?? [];
    list.push(event);
    byDeal.set(event.entityId, list);
  }
  const changes: ForecastChange[] = [];
  for (const [dealId, dealEvents] of byDeal) {
    const deal = deals.get(dealId);
    if (!deal) continue;
    const ordered = [...dealEvents].sort(byTime);
    const owner = users.get(deal.ownerId);
    const base = { dealId, dealTitle: deal.title, owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null, amount: deal.amount };
    const stages = pipelines.get(deal.pipelineId)?.stages ?? [];
    const stageName = (id: unknown): string | null => (typeof id === 'string' ? (stages.find((s) => s.id === id)?.name ?? id) : null);
    const position = (id: unknown): number => stages.findIndex((s) => s.id === id);
    const last = (type: string): CrmEvent | undefined => ordered.filter((e) => e.type === type).pop();

    const created = last('deal.created');
    if (created) changes.push({ ...base, kind: 'created', at: created.at });
    const stage = net(ordered.filter((e) => e.type === 'deal.stage_changed'), 'stageId');
    if (stage) {
      changes.push({ ...base, kind: 'stage_moved', at: stage.at, fromStage: stageName(stage.from), toStage: stageName(stage.to), direction: position(stage.to) >= position(stage.from) ? 'forward' : 'backward' });
    }
    const updates = ordered.filter((e) => e.type === 'deal.updated');
    const close = net(updates, 'expectedCloseDate');
    if (close) {
      const from = typeof close.from === 'string' ? close.from : null;
      const to = typeof close.to === 'string' ? close.to : null;
      const slipped = to === null || (from !== null && to > from);
      changes.push({ ...base, kind: slipped ? 'close_date_slipped' : 'close_date_pulled_in', at: close.at, fromDate: from, toDate: to });
    }
    const amount = net(updates, 'amount');
    if (amount && isMoney(amount.from) && isMoney(amount.to)) changes.push({ ...base, kind: 'amount_changed', at: amount.at, fromAmount: amount.from, toAmount: amount.to });
    const outcome = closeOutcome(ordered, deal);
    if (outcome) changes.push({ ...base, ...outcome });
  }
  return changes
    .sort((a, b) => compareCodePoints(b.at, a.at) || compareCodePoints(a.dealId, b.dealId) || compareCodePoints(a.kind, b.kind))
    .slice(0, MAX_FORECAST_CHANGES);
}
