import { describe, expect, it } from 'vitest';
import type { RemoteRecord } from './crm-connector.port.js';
import { customFieldKeyFor, fromMinorUnits, toMinorUnits } from './remote-mapping.js';
import { mapAccount, mapContact, mapDeal, mapReminder, type MappingContext } from './remote-records.js';

const ctx: MappingContext = {
  fields: {
    account: { name: 'name', domain: 'domain', industry: 'industry', owner: 'hubspot_owner_id' },
    contact: { firstName: 'firstname', lastName: 'lastname', email: 'email', phone: 'phone', title: 'jobtitle', owner: 'hubspot_owner_id' },
    deal: { title: 'dealname', amount: 'amount', currency: 'deal_currency_code', pipeline: 'pipeline', stage: 'dealstage', closeDate: 'closedate', owner: 'hubspot_owner_id' },
  },
  properties: [
    { object: 'companies', name: 'name', label: 'Name', type: 'text', options: [] },
    { object: 'companies', name: 'numberofemployees', label: 'Employees', type: 'number', options: [] },
    { object: 'deals', name: 'deal_type', label: 'Deal type', type: 'select', options: [{ value: 'newbusiness', label: 'New business' }] },
  ],
  owners: [{ remoteId: '77', email: 'Ana@Example.com', name: 'Ana' }],
  pipelines: [{ remoteId: 'default', label: 'Sales', stages: [{ remoteId: 'qualified', label: 'Qualified', probability: 0.4, closed: null }, { remoteId: 'closedwon', label: 'Won', probability: 1, closed: 'won' }] }],
  defaultCurrency: 'USD',
};

const record = (object: string, kind: RemoteRecord['kind'], properties: RemoteRecord['properties'], associations: RemoteRecord['associations'] = {}): RemoteRecord => ({
  kind, object, remoteId: '501', properties, associations, modifiedAt: '2026-03-02T09:00:00.000Z', url: null, archived: false,
});

describe('remote records in Rapport terms', () => {
  it('maps a company to an account, its owner by email and unknown properties to custom fields', () => {
    const account = mapAccount(record('companies', 'account', { name: 'Acme', domain: 'https://www.Acme.com/about', hubspot_owner_id: '77', numberofemployees: '250' }), ctx);
    expect(account).toEqual({ name: 'Acme', domains: ['acme.com'], industry: null, ownerEmail: 'ana@example.com', customFields: { numberofemployees: 250 } });
  });

  it('maps a contact with its company association', () => {
    const contact = mapContact(record('contacts', 'contact', { firstname: 'Bo', lastname: 'Li', email: 'BO@acme.com', jobtitle: ' CTO ' }, { account: ['900'] }), ctx);
    expect(contact).toMatchObject({ name: 'Bo Li', emails: ['bo@acme.com'], title: 'CTO', accountRemoteId: '900', ownerEmail: null });
  });

  it('maps a deal with its stage probability, amount in minor units and a closed stage as won', () => {
    const open = mapDeal(record('deals', 'deal', { dealname: 'Acme renewal', amount: '1234.5', pipeline: 'default', dealstage: 'qualified', closedate: '2026-04-30T00:00:00Z', deal_type: 'newbusiness' }), ctx);
    expect(open).toMatchObject({ amount: { minor: 123450, currency: 'USD' }, probability: 40, status: 'open', expectedCloseDate: '2026-04-30', customFields: { deal_type: 'newbusiness' } });
    expect(mapDeal(record('deals', 'deal', { pipeline: 'default', dealstage: 'closedwon', deal_currency_code: 'jpy', amount: '5000' }), ctx)).toMatchObject({ status: 'won', amount: { minor: 5000, currency: 'JPY' }, title: 'Deal 501' });
  });

  it('maps a task to a reminder, done when its status says so', () => {
    const fields = { title: 'hs_task_subject', notes: 'hs_task_body', dueAt: 'hs_timestamp', status: 'hs_task_status', doneValue: 'COMPLETED', owner: 'hubspot_owner_id' };
    const task = mapReminder(record('tasks', 'reminder', { hs_task_subject: 'Call back', hs_timestamp: '2026-03-05T10:00:00.000Z', hs_task_status: 'COMPLETED', hubspot_owner_id: '77' }, { deal: ['3'] }), fields, ctx);
    expect(task).toEqual({ title: 'Call back', notes: null, dueAt: '2026-03-05T10:00:00.000Z', done: true, assigneeEmail: 'ana@example.com', links: { deal: ['3'] } });
  });

  it('derives custom field keys that never take a built-in field name', () => {
    expect(customFieldKeyFor('deal', 'amount')).toBe('amount_remote');
    expect(customFieldKeyFor('contact', 'hs_LeadStatus')).toBe('hs_lead_status');
    expect(customFieldKeyFor('account', '123 Region!')).toBe('region');
  });

  it('converts amounts both ways in the currency’s minor units', () => {
    expect(toMinorUnits('19.99', 'EUR')).toBe(1999);
    expect(toMinorUnits('abc', 'EUR')).toBeNull();
    expect(fromMinorUnits(1999, 'EUR')).toBe('19.99');
    expect(fromMinorUnits(700, 'JPY')).toBe('700');
  });
});
