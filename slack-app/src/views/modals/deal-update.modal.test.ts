import { cardFields } from '@rapport/core';
import { aCustomField, aDeal, aPipeline } from '@rapport/core/testing';
import { describe, expect, it } from 'vitest';
import { checkBlockKit } from '../../testing/block-kit-limits.js';
import { dealUpdateModal, readStageChoice } from './deal-update.modal.js';

interface Select {
  options?: Array<{ text: { text: string }; value: string }>;
  option_groups?: Array<{ label: { text: string }; options: Array<{ text: { text: string }; value: string }> }>;
  initial_option?: { value: string };
}

const partners = aPipeline({
  id: 'pipe_partners',
  name: 'Partner channel',
  stages: [
    { id: 'sourced', name: 'Sourced', probability: 5 },
    { id: 'co-sell', name: 'Co-selling 共同销售', probability: 40 },
    { id: 'signed', name: 'Signed', probability: 100, outcome: 'won' },
  ],
});
const sales = aPipeline({ id: 'pipe_sales', name: 'Sales', isDefault: true });

const stagePicker = (view: ReturnType<typeof dealUpdateModal>): Select => {
  const block = view.blocks.find((b) => b.block_id === 'stage') as { element: Select } | undefined;
  return block?.element ?? {};
};

describe('the deal modal\'s stage picker', () => {
  it('offers the stages of the deal\'s own pipeline as configured, its current stage picked', () => {
    const deal = aDeal({ pipelineId: partners.id, stageId: 'co-sell' });
    const view = dealUpdateModal([{ deal, accountName: 'Acme' }], [sales, partners], { channel: null });
    const picker = stagePicker(view);
    expect(picker.options?.map((o) => [o.value, o.text.text])).toEqual([['sourced', 'Sourced'], ['co-sell', 'Co-selling 共同销售'], ['signed', 'Signed']]);
    expect(picker.initial_option?.value).toBe('co-sell');
    expect(checkBlockKit(view, 'modal')).toEqual([]);
  });

  it('groups the stages by pipeline when the deals to pick from sit in several, and the picked value names both', () => {
    const inSales = aDeal({ id: 'deal_a', pipelineId: sales.id, stageId: 'demo' });
    const inPartners = aDeal({ id: 'deal_b', pipelineId: partners.id, stageId: 'sourced' });
    const view = dealUpdateModal([{ deal: inSales, accountName: 'Acme' }, { deal: inPartners, accountName: 'Acme' }], [sales, partners], { channel: 'C1' });
    const picker = stagePicker(view);
    expect(picker.options).toBeUndefined();
    expect(picker.option_groups?.map((g) => g.label.text)).toEqual(['Sales', 'Partner channel']);
    expect(picker.option_groups?.[1]?.options.map((o) => o.value)).toEqual(['pipe_partners/sourced', 'pipe_partners/co-sell', 'pipe_partners/signed']);
    expect(readStageChoice('pipe_partners/co-sell')).toEqual({ pipelineId: 'pipe_partners', stageId: 'co-sell' });
    expect(readStageChoice('proposal')).toEqual({ pipelineId: null, stageId: 'proposal' });
    expect(checkBlockKit(view, 'modal')).toEqual([]);
  });
});

describe('the deal modal', () => {
  it('lists the deal\'s card fields under its title, with option labels', () => {
    const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }] });
    const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true, position: 1 });
    const deal = aDeal({ title: 'Acme renewal', pipelineId: sales.id, customFields: { region: 'emea', contract_end: '2027-03-31' } });
    const modal = dealUpdateModal([{ deal, accountName: 'Acme', fields: cardFields([region, end], deal) }], [sales], { channel: null });
    expect(checkBlockKit({ view: modal }, 'modal')).toEqual([]);
    expect(JSON.stringify(modal.blocks[0])).toContain('Region: EMEA\\nContract end: Mar 31, 2027');
  });
});
