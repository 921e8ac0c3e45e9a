import type { Deal } from '../deals/deal.schema.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { ConnectorUnitOfWork } from '../store/connector-unit-of-work.js';
import type { RemotePipeline } from './crm-connector.port.js';
import type { RemoteRecord } from './crm-connector.port.js';
import { optionIdFor } from './remote-mapping.js';
import { mapDeal } from './remote-records.js';
import type { ApplyContext, ApplyOutcome } from './remote-apply.js';

/** A remote stage id as a Rapport stage id (a short lower-case slug). */
export const stageIdFor = (remoteStageId: string): string => optionIdFor(remoteStageId);

/**
 * Makes a Rapport pipeline for each remote pipeline not yet linked: its open stages in order,
 * with their probabilities (closed stages are the won and lost statuses in Rapport). A pipeline
 * already linked is left as it is.
 */
export async function linkRemotePipelines(uow: ConnectorUnitOfWork, pipelines: readonly RemotePipeline[], ctx: ApplyContext): Promise<void> {
  for (const remote of pipelines) {
    if (await uow.connectors.findByRemote(ctx.connectionId, 'pipeline', remote.remoteId)) continue;
    const open = remote.stages.filter((s) => s.closed === null);
    const stages = (open.length > 0 ? open : remote.stages.slice(0, 1)).slice(0, 30).map((s) => ({ id: stageIdFor(s.remoteId), name: s.label.slice(0, 60) || s.remoteId, probability: Math.round(s.probability * 100) }));
    const pipeline: Pipeline = { id: ctx.ids.next('pipeline'), name: remote.label.slice(0, 100) || remote.remoteId, isDefault: false, teamId: null, stages, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    await uow.pipelines.insert(pipeline);
    await uow.connectors.saveLink({ connectionId: ctx.connectionId, kind: 'pipeline', localId: pipeline.id, remoteId: remote.remoteId, remoteUrl: null, remoteModifiedAt: null });
  }
}

/**
 * Writes a remote deal into Rapport's copy: its pipeline and stage by the links above, its
 * account and primary contact by theirs. A deal whose company has not been copied is left for
 * a later pass (`unsupported`), since every Rapport deal belongs to an account.
 */
export async function applyDeal(uow: ConnectorUnitOfWork, record: RemoteRecord, ctx: ApplyContext, id: string, ownerId: string): Promise<ApplyOutcome> {
  const mapped = mapDeal(record, ctx.mapping);
  const accountId = mapped.accountRemoteId ? (await uow.connectors.findByRemote(ctx.connectionId, 'account', mapped.accountRemoteId))?.localId : undefined;
  if (!accountId) return 'unsupported';
  const contactId = mapped.contactRemoteId ? ((await uow.connectors.findByRemote(ctx.connectionId, 'contact', mapped.contactRemoteId))?.localId ?? null) : null;
  const pipelineLink = mapped.pipelineRemoteId ? await uow.connectors.findByRemote(ctx.connectionId, 'pipeline', mapped.pipelineRemoteId) : null;
  const pipeline = pipelineLink ? await uow.pipelines.get(pipelineLink.localId) : await uow.pipelines.getDefault();
  if (!pipeline) return 'unsupported';
  const wanted = mapped.stageRemoteId ? stageIdFor(mapped.stageRemoteId) : null;
  const stage = pipeline.stages.find((s) => s.id === wanted) ?? pipeline.stages[pipeline.stages.length - 1] ?? pipeline.stages[0];
  if (!stage) return 'unsupported';
  const current = await uow.deals.get(id);
  const fields = {
    title: mapped.title, accountId, primaryContactId: contactId, amount: mapped.amount, pipelineId: pipeline.id, stageId: stage.id,
    probability: mapped.probability ?? stage.probability, probabilityOverridden: false, expectedCloseDate: mapped.expectedCloseDate, ownerId, status: mapped.status,
    customFields: { ...current?.customFields, ...mapped.customFields },
  };
  const moved = !current || current.stageId !== fields.stageId || current.status !== fields.status;
  if (moved) {
    await uow.deals.appendStageChange({
      id: ctx.ids.next('stageChange'), dealId: id, pipelineId: fields.pipelineId, fromPipelineId: current?.pipelineId ?? null, fromStageId: current?.stageId ?? null, fromStatus: current?.status ?? null, stageId: fields.stageId, status: fields.status, at: ctx.now, actorId: null, surface: 'system',
    });
  }
  const closedAt = fields.status === 'open' ? null : (current?.closedAt ?? ctx.now);
  if (current) {
    const next: Deal = { ...current, ...fields, closedAt, stageEnteredAt: moved ? ctx.now : current.stageEnteredAt, version: current.version + 1, updatedAt: ctx.now };
    return (await uow.deals.update(next)) ? 'updated' : 'skipped';
  }
  await uow.deals.insert({
    id, ...fields, collaboratorIds: [], lostReason: null, competitor: null, campaignId: null, commit: false, stageEnteredAt: ctx.now, closedAt, version: 1, createdAt: ctx.now, updatedAt: ctx.now,
  });
  return 'created';
}
