import { cardFields } from '@rapport/core';
import { aCustomField, aDeal, aPipeline } from '@rapport/core/testing';
import { describe, expect, it } from 'vitest';
import { checkBlockKit } from '../../testing/block-kit-limits.js';
import { dealUpdateModal } from './deal-update.modal.js';

describe('the deal modal', () => {
  it('lists the deal\'s card fields under its title, with option labels', () => {
    const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }] });
    const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true, position: 1 });
    const deal = aDeal({ title: 'Acme renewal', customFields: { region: 'emea', contract_end: '2027-03-31' } });
    const modal = dealUpdateModal([{ deal, accountName: 'Acme', fields: cardFields([region, end], deal) }], aPipeline(), { channel: null });
    expect(checkBlockKit({ view: modal }, 'modal')).toEqual([]);
    expect(JSON.stringify(modal.blocks[0])).toContain('Region: EMEA\\nContract end: Mar 31, 2027');
  });
});
