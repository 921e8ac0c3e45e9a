import { requirePipeline } from '../deals/deal.service.js';
import { isAdmin, isManager, visibleUserIds } from '../permissions/permissions.js';
import type { Actor } from '../services/context.js';
import { CrmError, forbidden } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';
import type { Command, PipelineScope } from './command.schema.js';
import type { CommandDeps, PipelineAudience, PipelineOutcome, RunContext } from './command-outcome.js';
import { count, moneyByCurrency } from './outcome-text.js';
import { BOARD_STALE_DEALS, findStaleDeals, pipelineBoard, type PipelineBoard } from '../analytics/index.js';

type PipelineCommand = Extract<Command, { kind: 'pipeline' }>;

/**
 * Whose open deals a pipeline view shows. `mine`: the deals the person owns. `team`: a
 * manager sees their team's (their own included), an admin everyone's; a rep is refused.
 */
async function pipelineAudience(uow: UnitOfWork, user: User, scope: PipelineScope): Promise<PipelineAudience> {
  if (scope === 'mine') return { kind: 'user', userId: user.id, name: user.name };
  if (isAdmin(user)) return { kind: 'everyone' };
  if (!isManager(user)) {
    throw forbidden('Team pipelines are for managers: a manager sees their team\'s, an admin everyone\'s. Type pipeline to see your own open deals.');
  }
  const team = user.teamId ? await uow.teams.get(user.teamId) : null;
  if (!team) {
    throw new CrmError('not_found', 'You are not in a team yet, so there is no team pipeline to show. Type pipeline for your own deals, or ask an admin to put you in a team.', {
      details: { userId: user.id },
    });
  }
  return { kind: 'team', teamId: team.id, name: team.name, memberIds: (await visibleUserIds(uow, user)) ?? [user.id] };
}

const ownerIdsOf = (audience: PipelineAudience): string[] | undefined =>
  audience.kind === 'user' ? [audience.userId] : audience.kind === 'team' ? audience.memberIds : undefined;

/** Runs `pipeline [mine|team]`: open deals of the default pipeline by stage, per currency, and the stalest of them. */
export async function runPipeline(deps: CommandDeps, actor: Actor, command: PipelineCommand, context: RunContext): Promise<PipelineOutcome> {
  return deps.store.read(async (uow) => {
    const pipeline = await requirePipeline(uow, undefined);
    const audience = await pipelineAudience(uow, actor.user, command.scope);
    const ownerIds = ownerIdsOf(audience);
    const totals = await uow.aggregates.stageTotals({ pipelineId: pipeline.id, ...(ownerIds ? { ownerIds } : {}) });
    const board = pipelineBoard(pipeline, totals);
    const stale = await findStaleDeals(uow, { pipeline, ownerIds, now: context.now, limit: BOARD_STALE_DEALS });
    board.staleDeals = stale.map((s) => ({ deal: s.deal, stageName: s.stageName, daysInStage: s.daysInStage }));
    return { kind: 'pipeline', scope: command.scope, audience, board, summary: pipelineSummary(audience, board) };
  });
}

function pipelineSummary(audience: PipelineAudience, board: PipelineBoard): string {
  if (board.count === 0) {
    const who = audience.kind === 'user' ? 'You have' : audience.kind === 'team' ? `The ${audience.name} team has` : 'There are';
    return `${who} no open deals in ${board.pipelineName}.`;
  }
  const whose = audience.kind === 'user' ? 'Your pipeline' : audience.kind === 'team' ? `The ${audience.name} team's pipeline` : "Everyone's pipeline";
  const amounts = moneyByCurrency(board.totals.map((t) => ({ currency: t.currency, minor: t.amountMinor })));
  const weighted = moneyByCurrency(board.totals.map((t) => ({ currency: t.currency, minor: t.weightedMinor })));
  return `${whose}: ${count(board.count, 'open deal')}, ${amounts} (weighted ${weighted}).`;
}
