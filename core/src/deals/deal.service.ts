import { requireAccount } from '../accounts/account.service.js';
import type { Activity } from '../activities/activity.schema.js';
import { requireContact } from '../contacts/contact.service.js';
import { customFieldsAfterPatch, customFieldsToCreate } from '../custom-fields/custom-field-record.js';
import { requireDealCampaign } from '../analytics/campaigns/require-campaign.js';
import { changedFields, recordEvent } from '../events/record-event.js';
import { assertMayAssignTo, assertMayChange, isAdmin, managesMember } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { forbidden, invalidInput, notFound } from '../shared/errors.js';
import { definedOnly, unique } from '../shared/objects.js';
import { PageRequest, type Page } from '../shared/page.js';
import { parseInput } from '../shared/validate.js';
import type { DealFilter } from './deal.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Deal} from './deal.schema.js';
import { DealInput, DealPatch, LoseInput, TransferInput, type StageChange } from './deal.schema.js';
import * as transitions from './deal-transitions.js';
import { parseDealSort } from './deal-sort.schema.js';
import { openStages, type Pipeline } from './pipeline.schema.js';

export class DealService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: DealInput): Promise<Deal> {
    const data = parseInput(DealInput, input, 'deal');
    return this.deps.store.transaction(async (uow) => {
      const ownerId = data.ownerId ?? actor.user.id;
      await assertMayAssignTo(uow, actor.user, ownerId, 'deals');
      await requireAccount(uow, data.accountId);
      if (data.primaryContactId) await requireContact(uow, data.primaryContactId);
      if (data.campaignId) await requireDealCampaign(uow, data.campaignId);
      await assertUsersExist(uow, data.collaboratorIds);
      const pipeline = await requirePipeline(uow, data.pipelineId);
      const stage = data.stageId ? transitions.resolveStage(pipeline, data.stageId) : openStages(pipeline)[0];
      if (!stage) throw invalidInput(`${pipeline.name} has no open stages.`);
      if (stage.outcome) {
        throw invalidInput(`"${stage.name}" closes deals as ${stage.outcome}; create the deal in an open stage, then move it.`, [
          { path: 'stageId', message: `Use one of: ${openStages(pipeline).map((s) => s.id).join(', ')}.` },
        ]);
      }
      const customFields = await customFieldsToCreate(uow, 'deal', data.customFields);
      const now = this.now();
      const deal: Deal = {
        id: this.deps.ids.next('deal'),
        title: data.title,
        accountId: data.accountId,
        primaryContactId: data.primaryContactId,
        amount: data.amount,
        pipelineId: pipeline.id,
        stageId: stage.id,
        probability: data.probability ?? stage.probability,
        probabilityOverridden: data.probability !== undefined,
        expectedCloseDate: data.expectedCloseDate,
        ownerId,
        collaboratorIds: unique(data.collaboratorIds.filter((id) => id !== ownerId)),
        status: 'open',
        lostReason: null,
        competitor: null,
        campaignId: data.campaignId,
        commit: data.commit,
        stageEnteredAt: now,
        closedAt: null,
        customFields,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await uow.deals.insert(deal);
      await this.appendHistory(uow, actor, null, deal);
      await recordEvent(uow, this.deps, actor, { type: 'deal.created', entityType: 'deal', entityId: deal.id, after: deal });
      return deal;
    });
  }

  async get(_actor: Actor, id: string): Promise<Deal> {
    const deal = await this.deps.store.read((uow) => uow.deals.get(id));
    if (!deal) throw notFound('deal', id);
    return deal;
  }

  /** `sort` as the API writes it (`-amount`); see deal-sort.schema.ts. */
  async list(_actor: Actor, filter: DealFilter, page: PageRequest, sort?: string): Promise<Page<Deal>> {
    const request = parseInput(PageRequest, page, 'page');
    const order = parseDealSort(sort);
    return this.deps.store.read((uow) => uow.deals.list(filter, request, order));
  }

  async history(_actor: Actor, id: string): Promise<StageChange[]> {
    return this.deps.store.read(async (uow) => {
      await requireDeal(uow, id);
      return uow.deals.stageHistory(id);
    });
  }

  async update(actor: Actor, id: string, patch: DealPatch, options: WriteOptions = {}): Promise<Deal> {
    const data = parseInput(DealPatch, patch, 'deal change');
    return this.change(actor, id, options, async (uow, deal, now) => {
      if (data.primaryContactId) await requireContact(uow, data.primaryContactId);
      if (data.campaignId) await requireDealCampaign(uow, data.campaignId);
      if (data.collaboratorIds) await assertUsersExist(uow, data.collaboratorIds);
      const { probability, pipelineId, stageId, customFields, ...rest } = data;
      const changes: Partial<Deal> = definedOnly({ ...rest, customFields: await customFieldsAfterPatch(uow, 'deal', deal.customFields, customFields) });
      if (pipelineId !== undefined || stageId !== undefined) {
        const pipeline = await requirePipeline(uow, pipelineId ?? deal.pipelineId);
        Object.assign(changes, transitions.movePipeline(deal, pipeline, stageId, now));
      }
      if (data.collaboratorIds) changes.collaboratorIds = unique(data.collaboratorIds.filter((c) => c !== deal.ownerId));
      if (probability !== undefined) {
        const pipeline = await requirePipeline(uow, changes.pipelineId ?? deal.pipelineId);
        const stageId = changes.stageId ?? deal.stageId;
        const stageDefault = pipeline.stages.find((s) => s.id === stageId)?.probability ?? deal.probability;
        changes.probability = probability ?? stageDefault;
        changes.probabilityOverridden = probability !== null;
      }
      const type = changes.pipelineId !== undefined ? 'deal.pipeline_changed' : changes.stageId !== undefined ? 'deal.stage_changed' : 'deal.updated';
      return { changes, type };
    });
  }

  async moveStage(actor: Actor, id: string, stageId: string, options: WriteOptions = {}): Promise<Deal> {
    if (typeof stageId !== 'string' || stageId.trim() === '') throw invalidInput('Say which stage to move to.', [{ path: 'stageId', message: 'Required.' }]);
    return this.change(actor, id, options, async (uow, deal, now) => {
      const pipeline = await requirePipeline(uow, deal.pipelineId);
      return { changes: transitions.moveStage(deal, pipeline, stageId, now), type: 'deal.stage_changed' };
    });
  }

  async win(actor: Actor, id: string, options: WriteOptions = {}): Promise<Deal> {
    return this.change(actor, id, options, async (_uow, deal, now) => ({ changes: transitions.win(deal, now), type: 'deal.won' }));
  }

  async lose(actor: Actor, id: string, input: LoseInput, options: WriteOptions = {}): Promise<Deal> {
    const data = parseInput(LoseInput, input, 'lost reason');
    return this.change(actor, id, options, async (_uow, deal, now) => ({
      changes: transitions.lose(deal, data.reason, data.competitor, now),
      type: 'deal.lost',
    }));
  }

  async suspend(actor: Actor, id: string, options: WriteOptions = {}): Promise<Deal> {
    return this.change(actor, id, options, async (_uow, deal) => ({ changes: transitions.suspend(deal), type: 'deal.suspended' }));
  }

  async reactivate(actor: Actor, id: string, options: WriteOptions = {}): Promise<Deal> {
    return this.change(actor, id, options, async (_uow, deal, now) => ({ changes: transitions.reactivate(deal, now), type: 'deal.reactivated' }));
  }

  /** Reopens a won or lost deal. Managers (of the owner's team) and admins only. */
  async reopen(actor: Actor, id: string, options: WriteOptions = {}): Promise<Deal> {
    return this.change(actor, id, options, async (uow, deal, now) => {
      if (!isAdmin(actor.user) && !managesMember(actor.user, await uow.users.get(deal.ownerId))) {
        throw forbidden('Only a manager of the deal owner\'s team (or an admin) can reopen a closed deal.');
      }
      const pipeline = await requirePipeline(uow, deal.pipelineId);
      return { changes: transitions.reopen(deal, pipeline, now), type: 'deal.reopened' };
    });
  }

  /** Hands a deal to another rep; the handover note is logged on the deal with both reps as participants. */
  async transfer(actor: Actor, id: string, input: TransferInput, options: WriteOptions = {}): Promise<Deal> {
    const data = parseInput(TransferInput, input, 'transfer');
    return this.change(actor, id, options, async (uow, deal, now) => {
      const from = await uow.users.get(deal.ownerId);
      const to = await uow.users.get(data.toUserId);
      if (!to || !to.active) throw invalidInput(`No active user with id ${data.toUserId}.`, [{ path: 'toUserId', message: 'Not an active user.' }]);
      if (to.id === deal.ownerId) throw invalidInput(`${to.name} already owns this deal.`, [{ path: 'toUserId', message: 'Already the owner.' }]);
      if (!isAdmin(actor.user) && actor.user.role === 'manager' && !managesMember(actor.user, to) && to.id !== actor.user.id) {
        throw forbidden('You can hand deals to people in your team only.');
      }
      const note: Activity = {
        id: this.deps.ids.next('activity'),
        type: 'note',
        subject: `Handover: ${from?.name ?? 'previous owner'} → ${to.name}`,
        body: data.note,
        occurredAt: now,
        contactId: deal.primaryContactId,
        accountId: deal.accountId,
        dealId: deal.id,
        authorId: actor.user.id,
        surface: actor.surface,
        externalId: null,
        participants: unique([from?.email, to.email].filter((e): e is string => typeof e === 'string')),
        createdAt: now,
      };
      await uow.activities.insert(note);
      return {
        changes: { ownerId: to.id, collaboratorIds: deal.collaboratorIds.filter((c) => c !== to.id) },
        type: 'deal.transferred',
      };
    });
  }

  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const deal = await requireDeal(uow, id);
      assertVersion(deal, options.expectedVersion, 'deal');
      await assertMayChange(uow, actor.user, deal, 'deals');
      await uow.deals.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'deal.deleted', entityType: 'deal', entityId: id, before: deal });
    });
  }

  /** Loads, checks version and permission, applies the changes, records history and the event. */
  private async change(
    actor: Actor,
    id: string,
    options: WriteOptions,
    decide: (uow: UnitOfWork, deal: Deal, now: string) => Promise<{ changes: Partial<Deal> | null; type: string }>,
  ): Promise<Deal> {
    return this.deps.store.transaction(async (uow) => {
      const deal = await requireDeal(uow, id);
      assertVersion(deal, options.expectedVersion, 'deal');
      await assertMayChange(uow, actor.user, deal, 'deals');
      const now = this.now();
      const { changes, type } = await decide(uow, deal, now);
      const diff = changes && changedFields(deal, { ...deal, ...changes }, ['version', 'updatedAt']);
      if (!changes || !diff) return deal;
      const next = await saveNextVersion((d) => uow.deals.update(d), deal, changes, now, 'deal');
      if (next.stageId !== deal.stageId || next.status !== deal.status || next.pipelineId !== deal.pipelineId) await this.appendHistory(uow, actor, deal, next);
      await recordEvent(uow, this.deps, actor, { type, entityType: 'deal', entityId: id, ...diff });
      return next;
    });
  }

  private async appendHistory(uow: UnitOfWork, actor: Actor, before: Deal | null, after: Deal): Promise<void> {
    await uow.deals.appendStageChange(transitions.stageChangeOf(this.deps.ids.next('stageChange'), actor, before, after));
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

export async function requireDeal(uow: UnitOfWork, id: string): Promise<Deal> {
  const deal = await uow.deals.get(id);
  if (!deal) throw notFound('deal', id);
  return deal;
}

export async function requirePipeline(uow: UnitOfWork, id: string | undefined): Promise<Pipeline> {
  const pipeline = id ? await uow.pipelines.get(id) : await uow.pipelines.getDefault();
  if (!pipeline) throw id ? notFound('pipeline', id) : invalidInput('There is no default pipeline yet; run `rapport migrate` or create one.');
  return pipeline;
}

async function assertUsersExist(uow: UnitOfWork, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await uow.users.getMany(ids)).map((u) => u.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw invalidInput(`No user with id ${missing.join(', ')}.`, [{ path: 'collaboratorIds', message: `Unknown: ${missing.join(', ')}.` }]);
}
