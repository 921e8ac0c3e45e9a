import { sortKey, type CustomFieldValues, type Deal, type DealStatus, type StageChange, type Surface } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { DealsTable, StageChangesTable } from '../database.js';
import { readBool, type Engine } from '../engine.js';

export function toDealRow(d: Deal, engine: Engine): Insertable<DealsTable> {
  return {
    id: d.id,
    title: d.title,
    account_id: d.accountId,
    primary_contact_id: d.primaryContactId,
    amount_minor: d.amount.minor,
    currency: d.amount.currency,
    pipeline_id: d.pipelineId,
    stage_id: d.stageId,
    probability: d.probability,
    probability_overridden: engine.bool(d.probabilityOverridden),
    expected_close_date: d.expectedCloseDate,
    owner_id: d.ownerId,
    collaborator_ids: engine.json(d.collaboratorIds),
    status: d.status,
    lost_reason: d.lostReason,
    competitor: d.competitor,
    campaign_id: d.campaignId,
    forecast_commit: engine.bool(d.commit),
    stage_entered_at: d.stageEnteredAt,
    closed_at: d.closedAt,
    custom_fields: engine.json(d.customFields),
    version: d.version,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    title_key: sortKey(d.title),
  };
}

export function toDeal(row: Selectable<DealsTable>, engine: Engine): Deal {
  return {
    id: row.id,
    title: row.title,
    accountId: row.account_id,
    primaryContactId: row.primary_contact_id,
    amount: { minor: Number(row.amount_minor), currency: row.currency },
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    probability: row.probability,
    probabilityOverridden: readBool(row.probability_overridden),
    expectedCloseDate: row.expected_close_date,
    ownerId: row.owner_id,
    collaboratorIds: engine.readJson<string[]>(row.collaborator_ids),
    status: row.status as DealStatus,
    lostReason: row.lost_reason,
    competitor: row.competitor,
    campaignId: row.campaign_id,
    commit: readBool(row.forecast_commit),
    stageEnteredAt: row.stage_entered_at,
    closedAt: row.closed_at,
    customFields: engine.readJson<CustomFieldValues>(row.custom_fields),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toStageChangeRow = (c: StageChange): Insertable<StageChangesTable> => ({
  id: c.id,
  deal_id: c.dealId,
  pipeline_id: c.pipelineId,
  from_pipeline_id: c.fromPipelineId,
  from_stage_id: c.fromStageId,
  from_status: c.fromStatus,
  stage_id: c.stageId,
  status: c.status,
  at: c.at,
  actor_id: c.actorId,
  surface: c.surface,
});

export const toStageChange = (row: Selectable<StageChangesTable>): StageChange => ({
  id: row.id,
  dealId: row.deal_id,
  pipelineId: row.pipeline_id,
  fromPipelineId: row.from_pipeline_id,
  fromStageId: row.from_stage_id,
  fromStatus: row.from_status as DealStatus | null,
  stageId: row.stage_id,
  status: row.status as DealStatus,
  at: row.at,
  actorId: row.actor_id,
  surface: row.surface as Surface,
});
