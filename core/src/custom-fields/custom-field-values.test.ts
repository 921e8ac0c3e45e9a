import { describe, expect, it } from 'vitest';
import { aCustomField } from '../testing/builders.js';
import type { CustomFieldDefinition, CustomFieldType } from './custom-field.schema.js';
import { cardFields } from './card-fields.js';
import { customFieldsSchema, mergeCustomFields, parseCustomFields } from './custom-field-values.js';

const REGION = aCustomField({ key: 'region', label: 'Region', type: 'single_select', options: [{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }] });
const field = (type: CustomFieldType, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition =>
  type === 'single_select' || type === 'multi_select' ? { ...REGION, key: 'pick', label: 'Pick', type, ...extra } : aCustomField({ key: 'value', label: 'Value', type, ...extra });

/** What a field of each type accepts (as stored after parsing) and what it refuses, with the reason given. */
const CASES: Array<{ type: CustomFieldType; good: Array<[unknown, unknown]>; bad: Array<[unknown, RegExp]> }> = [
  { type: 'text', good: [['  Gold  ', 'Gold'], ['金牌客户', '金牌客户']], bad: [['', /Cannot be empty/], [12, /Expected a string, got a number/], ['x'.repeat(501), /At most 500/]] },
  { type: 'long_text', good: [['Line one\nLine two', 'Line one\nLine two']], bad: [['x'.repeat(10_001), /At most 10000/]] },
  { type: 'number', good: [[42, 42], [-1.5, -1.5]], bad: [['42', /Expected a number/]] },
  { type: 'money', good: [[{ minor: 1999, currency: 'eur' }, { minor: 1999, currency: 'EUR' }]], bad: [[{ minor: 19.99, currency: 'EUR' }, /whole minor units/], [{ minor: 1, currency: 'ZZZ' }, /ISO 4217/], [5, /Expected an object/]] },
  { type: 'date', good: [['2027-03-31', '2027-03-31']], bad: [['31/03/2027', /calendar date such as 2026-12-31/], ['2027-02-30', /calendar date/]] },
  { type: 'checkbox', good: [[true, true], [false, false]], bad: [['yes', /Expected true or false/]] },
  { type: 'single_select', good: [['emea', 'emea'], ['APAC', 'apac']], bad: [['mars', /Pick one of: EMEA, APAC/]] },
  { type: 'multi_select', good: [[['emea', 'APAC', 'emea'], ['emea', 'apac']], [[], []]], bad: [['emea', /Expected a list of options/], [['mars'], /Pick one of/]] },
  { type: 'user', good: [['usr_ann', 'usr_ann']], bad: [['Ann', /Not a Rapport id/]] },
  { type: 'url', good: [['https://acme.com/deal?id=1', 'https://acme.com/deal?id=1']], bad: [['acme', /web address/], ['javascript:alert(1)', /web address/]] },
  { type: 'email', good: [['Ann@Acme.COM', 'ann@acme.com']], bad: [['ann@', /email address/]] },
  { type: 'phone', good: [['+49 30 1234567', '+49 30 1234567']], bad: [['call me', /phone number/]] },
];

describe('custom field values', () => {
  for (const { type, good, bad } of CASES) {
    it(`checks a ${type.replace('_', ' ')} value, naming the field by key and label when it is wrong`, () => {
      const definition = field(type);
      for (const [input, stored] of good) expect(parseCustomFields([definition], { [definition.key]: input }, 'deal')).toEqual({ [definition.key]: stored });
      for (const [input, reason] of bad) {
        let error: unknown;
        try {
          parseCustomFields([definition], { [definition.key]: input }, 'deal');
        } catch (e) {
          error = e;
        }
        expect(error, `${JSON.stringify(input)} should be refused`).toMatchObject({ code: 'invalid_input' });
        const issue = (error as { issues: Array<{ path: string; message: string }> }).issues[0];
        expect(issue?.path).toMatch(new RegExp(`^customFields\\.${definition.key}`));
        expect(issue?.message).toContain(`${definition.label} (${definition.key}):`);
        expect(issue?.message).toMatch(reason);
      }
    });
  }

  it('requires a required field on create, refuses clearing it, and lets optional ones be cleared with null', () => {
    const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', required: true });
    const note = aCustomField({ key: 'note', label: 'Note', type: 'text' });
    expect(() => parseCustomFields([end, note], {}, 'deal')).toThrow(/customFields.contract_end: Contract end \(contract_end\): Required/);
    expect(() => parseCustomFields([end, note], { contract_end: null }, 'deal', { patch: true })).toThrow(/Contract end \(contract_end\)/);
    expect(parseCustomFields([end, note], { note: null }, 'deal', { patch: true })).toEqual({ note: null });
    expect(mergeCustomFields({ note: 'old', contract_end: '2027-01-01', gone_field: 'kept' }, { note: null, contract_end: '2028-01-01' })).toEqual({
      contract_end: '2028-01-01',
      gone_field: 'kept',
    });
  });

  it('refuses a key no field defines, and ignores deleted fields as if they were not there', () => {
    const deleted = aCustomField({ key: 'old', type: 'text', deletedAt: '2026-01-01T00:00:00.000Z' });
    expect(() => parseCustomFields([REGION, deleted], { regoin: 'emea' }, 'deal')).toThrow(/No custom field regoin on deals/);
    expect(() => parseCustomFields([REGION, deleted], { old: 'x' }, 'deal')).toThrow(/No custom field old on deals/);
    expect(customFieldsSchema([REGION]).safeParse({ region: 'emea' }).success).toBe(true);
  });

  it('keeps a select value when its option is renamed, and shows the new label', () => {
    const values = parseCustomFields([REGION], { region: 'EMEA' }, 'deal');
    const renamed = { ...REGION, showOnCard: true, options: [{ id: 'emea', label: 'Europe & Africa' }, { id: 'apac', label: 'APAC' }] };
    expect(values).toEqual({ region: 'emea' });
    expect(cardFields([renamed], { customFields: { region: 'emea' } })).toEqual([{ key: 'region', label: 'Region', type: 'single_select', display: 'Europe & Africa' }]);
    expect(parseCustomFields([renamed], { region: 'europe & africa' }, 'deal')).toEqual({ region: 'emea' });
  });
});

describe('card fields', () => {
  it('shows the card fields that hold a value, in position order, in the reader\'s locale', () => {
    const definitions = [
      aCustomField({ key: 'budget', label: 'Budget', type: 'money', showOnCard: true, position: 2 }),
      aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true, position: 1 }),
      { ...REGION, showOnCard: true, position: 3 },
      aCustomField({ key: 'tags', label: 'Tags', type: 'multi_select', showOnCard: true, position: 4, options: [{ id: 'hot', label: 'Hot' }, { id: 'vip', label: 'VIP' }] }),
      aCustomField({ key: 'seats', label: 'Seats', type: 'number', showOnCard: true, position: 5 }),
      aCustomField({ key: 'renewal', label: 'Renewal', type: 'checkbox', showOnCard: true, position: 6 }),
      aCustomField({ key: 'owner_two', label: 'Second owner', type: 'user', showOnCard: true, position: 7 }),
      aCustomField({ key: 'hidden', label: 'Hidden', type: 'text', showOnCard: false, position: 0 }),
      aCustomField({ key: 'empty', label: 'Empty', type: 'text', showOnCard: true, position: 0 }),
    ];
    const record = {
      customFields: { budget: { minor: 1_234_550, currency: 'EUR' }, contract_end: '2027-03-31', region: 'apac', tags: ['vip', 'hot'], seats: 1234.5, renewal: true, owner_two: 'usr_bo', hidden: 'x' },
    };
    const userNames = new Map([['usr_bo', 'Bo']]);
    expect(cardFields(definitions, record, { locale: 'en-US', userNames }).map((f) => [f.label, f.display])).toEqual([
      ['Contract end', 'Mar 31, 2027'],
      ['Budget', '€12,345.5'],
      ['Region', 'APAC'],
      ['Tags', 'VIP, Hot'],
      ['Seats', '1,234.5'],
      ['Renewal', 'Yes'],
      ['Second owner', 'Bo'],
    ]);
    const german = cardFields(definitions, record, { locale: 'de-DE', userNames });
    expect(german.find((f) => f.key === 'budget')?.display).toBe('12.345,5\u00a0€');
    expect(german.find((f) => f.key === 'contract_end')?.display).toBe('31.03.2027');
  });
});
