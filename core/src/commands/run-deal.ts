import type { Activity } from '../activities/activity.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { Actor } from '../services/context.js';
import { sortKey } from '../shared/text.js';
import type { Command, DealAction } from './command.schema.js';
import type { ChooseDealOutcome, CommandDeps, DealCandidate, DealOutcome } from './command-outcome.js';
import { amountForDeal } from './deal-amount.js';
import { count, money, quoted } from './outcome-text.js';
import { resolveDeal, type ResolvedDeal } from './resolve-deal.js';

type DealCommand = Extract<Command, { kind: 'deal' }>;

/** The most deals a picker is offered; past this the query should name the deal better. */
export const MAX_DEAL_CANDIDATES = 10;

/**
 * Runs `deal <query> <action>`: finds the deal (see resolveDeal), then applies the action
 * through the deal and activity services, which check permissions and the deal's rules.
 * Several possible deals change nothing and come back as a `choose_deal` outcome.
 */
export async function runDeal(deps: CommandDeps, actor: Actor, command: DealCommand): Promise<DealOutcome | ChooseDealOutcome> {
  const resolved = await resolveDeal(deps.services, actor, command.query);
  const pipelines = await deps.store.read((uow) => uow.pipelines.list());
  const stageName = (deal: Deal): string =>
    pipelines.find((p) => p.id === deal.pipelineId)?.stages.find((s) => s.id === deal.stageId)?.name ?? deal.stageId;
  const [only] = resolved;
  if (!only || resolved.length > 1) return chooseDeal(actor, command, resolved, stageName);
  return applyAction(deps, actor, command, only, pipelines.find((p) => p.id === only.deal.pipelineId), stageName);
}

function chooseDeal(actor: Actor, command: DealCommand, resolved: readonly ResolvedDeal[], stageName: (deal: Deal) => string): ChooseDealOutcome {
  const userId = actor.user.id;
  const candidates = resolved.slice(0, MAX_DEAL_CANDIDATES).map(
    ({ deal, accountName }): DealCandidate => ({
      deal,
      accountName,
      stageName: stageName(deal),
      amount: deal.amount,
      yours: deal.ownerId === userId || deal.collaboratorIds.includes(userId),
      command: { kind: 'deal', query: deal.id, action: command.action },
    }),
  );
  const total = resolved.length;
  const summary =
    total > candidates.length
      ? `${total} open deals match ${quoted(command.query)}; here are the first ${candidates.length}. Add a word of the deal's title to narrow them down.`
      : `${count(total, 'open deal')} match ${quoted(command.query)}. Pick one, or add a word of its title after ${quoted(command.query)}.`;
  return { kind: 'choose_deal', query: command.query, action: command.action, candidates, total, summary };
}

/** The stage the user typed, matched without regard to case, width or accents; else passed on for the service to explain. */
function stageIdFor(pipeline: Pipeline | undefined, typed: string): string {
  const wanted = sortKey(typed);
  return pipeline?.stages.find((s) => s.id === wanted || sortKey(s.name) === wanted)?.id ?? typed;
}

async function applyAction(
  deps: CommandDeps,
  actor: Actor,
  command: DealCommand,
  { deal, accountName }: ResolvedDeal,
  pipeline: Pipeline | undefined,
  stageName: (deal: Deal) => string,
): Promise<DealOutcome> {
  const { deals, activities } = deps.services;
  const { action } = command;
  let after: Deal = deal;
  let note: Activity | null = null;
  switch (action.type) {
    case 'stage':
      after = await deals.moveStage(actor, deal.id, stageIdFor(pipeline, action.stage));
      break;
    case 'amount':
      after = await deals.update(actor, deal.id, { amount: { minor: amountForDeal(action, deal, command.query), currency: deal.amount.currency } });
      break;
    case 'close':
      after = await deals.update(actor, deal.id, { expectedCloseDate: action.date });
      break;
    case 'win':
      after = await deals.win(actor, deal.id);
      break;
    case 'lose':
      after = await deals.lose(actor, deal.id, { reason: action.reason, competitor: action.competitor });
      break;
    case 'note':
      note = (await activities.log(actor, { type: 'note', dealId: deal.id, body: action.text })).activity;
      break;
  }
  const outcome = {
    action,
    deal: after,
    before: deal,
    changed: note !== null || after.version !== deal.version,
    accountName,
    stageName: stageName(after),
    previousStageName: stageName(deal),
    note,
  };
  return { kind: 'deal', ...outcome, summary: dealSummary(action, outcome) };
}

function dealSummary(action: DealAction, o: Pick<DealOutcome, 'deal' | 'before' | 'changed' | 'stageName' | 'previousStageName'>): string {
  const title = quoted(o.deal.title);
  switch (action.type) {
    case 'stage':
      return o.changed ? `Moved ${title} to ${o.stageName} (was ${o.previousStageName}).` : `${title} is already in ${o.stageName}.`;
    case 'amount':
      return o.changed ? `Set ${title} to ${money(o.deal.amount)} (was ${money(o.before.amount)}).` : `${title} is already ${money(o.deal.amount)}.`;
    case 'close': {
      const was = o.before.expectedCloseDate ? `was ${o.before.expectedCloseDate}` : 'no date before';
      return o.changed ? `${title} is now expected to close on ${action.date} (${was}).` : `${title} is already expected to close on ${action.date}.`;
    }
    case 'win':
      return `Won ${title} (${money(o.deal.amount)}).`;
    case 'lose':
      return `Marked ${title} lost: ${action.reason}${action.competitor ? `, to ${action.competitor}` : ''}.`;
    case 'note':
      return `Added a note to ${title}.`;
  }
}
