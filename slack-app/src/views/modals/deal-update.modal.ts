import { minorDigits, type CardField, type Deal, type Pipeline } from '@rapport/core';
import type { types } from '@slack/bolt';
import { money } from '../format.js';
import { VIEWS } from '../ids.js';
import { LIMITS } from '../limits.js';
import { esc, plainText, section } from '../mrkdwn.js';
import { encodeMetadata, type ModalOrigin } from './metadata.js';

export interface DealUpdateMetadata extends ModalOrigin {
  /** The deal when the modal is for one; null when the person picks it in the modal. */
  dealId: string | null;
  /** The version the modal showed: a change made meanwhile is refused, not overwritten. */
  version: number | null;
  currency: string | null;
}

export interface DealChoice {
  deal: Deal;
  accountName: string;
  /** The deal's custom fields shown on cards, as the modal lists them under its title. */
  fields?: readonly CardField[];
}

/** The amount as people type it, in major units: 12500.5 for 1,250,050 cents. */
export function amountText(deal: Deal): string {
  const digits = minorDigits(deal.amount.currency);
  return (deal.amount.minor / 10 ** digits).toFixed(digits);
}

const option = (text: string, value: string): types.PlainTextOption => ({ text: plainText(text, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) });

/** What a stage picker option carries when the deals to pick from sit in several pipelines. */
export const stageChoiceValue = (pipelineId: string, stageId: string): string => `${pipelineId}/${stageId}`;

/** Reads a stage picker value: `stageId`, or `pipelineId/stageId` from a picker grouped by pipeline. */
export function readStageChoice(value: string): { pipelineId: string | null; stageId: string } {
  const slash = value.indexOf('/');
  return slash < 0 ? { pipelineId: null, stageId: value } : { pipelineId: value.slice(0, slash), stageId: value.slice(slash + 1) };
}

/**
 * The stage picker shows the stages of the deal's own pipeline, as configured; when the deals
 * to pick from sit in several pipelines, one group of stages per pipeline.
 */
function stagePicker(choices: readonly DealChoice[], pipelines: readonly Pipeline[], single: Deal | null): types.StaticSelect {
  const used = pipelines.filter((p) => choices.some((c) => c.deal.pipelineId === p.id));
  const [own] = used;
  if (used.length <= 1 || !own) {
    const stages = (own?.stages ?? []).map((s) => option(s.name, s.id));
    const current = single ? stages.find((s) => s.value === single.stageId) : undefined;
    return { type: 'static_select', action_id: 'value', options: stages.slice(0, LIMITS.selectOptions), ...(current ? { initial_option: current } : {}) };
  }
  const groups = used.map((p) => ({ label: plainText(p.name, LIMITS.optionText), options: p.stages.map((s) => option(s.name, stageChoiceValue(p.id, s.id))) }));
  return { type: 'static_select', action_id: 'value', option_groups: groups };
}

/**
 * Update a deal: stage, amount, close date and a note. Opened for one deal (its current values
 * filled in), or with a deal picker when the card has several. `pipelines` holds at least the
 * pipelines of the deals in `choices`.
 */
export function dealUpdateModal(choices: readonly DealChoice[], pipelines: readonly Pipeline[], origin: ModalOrigin): types.ModalView {
  const [only] = choices;
  const single = choices.length === 1 && only ? only.deal : null;
  const metadata: DealUpdateMetadata = { ...origin, dealId: single?.id ?? null, version: single?.version ?? null, currency: single?.amount.currency ?? null };
  const blocks: types.KnownBlock[] = [];
  if (single && only) {
    const fields = (only.fields ?? []).map((f) => `\n${esc(f.label, 100)}: ${esc(f.display, 300)}`).join('').slice(0, 2000);
    blocks.push(section(`*${esc(single.title)}* · ${esc(only.accountName)}\n${money(single.amount)}${single.expectedCloseDate ? ` · closes ${single.expectedCloseDate}` : ''}${fields}`));
  } else {
    blocks.push({
      type: 'input',
      block_id: 'deal',
      label: plainText('Deal', LIMITS.inputLabel),
      element: { type: 'static_select', action_id: 'value', options: choices.slice(0, LIMITS.selectOptions).map((c) => option(`${c.deal.title} · ${c.accountName}`, c.deal.id)) },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: 'stage',
      optional: true,
      label: plainText('Stage', LIMITS.inputLabel),
      element: stagePicker(choices, pipelines, single),
    },
    {
      type: 'input',
      block_id: 'amount',
      optional: true,
      label: plainText(single ? `Amount (${single.amount.currency})` : "Amount (in the deal's currency)", LIMITS.inputLabel),
      element: { type: 'plain_text_input', action_id: 'value', placeholder: plainText('12500 or 12.5k', LIMITS.inputPlaceholder), ...(single ? { initial_value: amountText(single) } : {}) },
    },
    {
      type: 'input',
      block_id: 'close',
      optional: true,
      label: plainText('Expected close', LIMITS.inputLabel),
      element: { type: 'datepicker', action_id: 'value', ...(single?.expectedCloseDate ? { initial_date: single.expectedCloseDate } : {}) },
    },
    {
      type: 'input',
      block_id: 'note',
      optional: true,
      label: plainText('Note', LIMITS.inputLabel),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.textInputMax },
    },
  );
  return {
    type: 'modal',
    callback_id: VIEWS.updateDeal,
    title: plainText('Update deal', LIMITS.modalTitle),
    submit: plainText('Save', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks,
  };
}
