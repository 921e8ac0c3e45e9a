import { describe, expect, it } from 'vitest';
import { readImportRow } from './import-row.js';
import { checkMapping, recogniseHeaders } from './recognise-csv.js';

describe('recognising an export by its headers', () => {
  it('tells HubSpot, Salesforce and Pipedrive files apart and lists the columns nothing takes', () => {
    expect(recogniseHeaders(['Record ID', 'First Name', 'Last Name', 'Email', 'Contact owner', 'Favourite colour'])).toMatchObject({ label: 'HubSpot contacts', mapping: { source: 'hubspot', kind: 'contact' }, unknownColumns: ['Favourite colour'] });
    expect(recogniseHeaders(['Id', 'AccountId', 'Name', 'StageName', 'CloseDate', 'Amount'])?.mapping).toMatchObject({ source: 'salesforce', kind: 'deal' });
    expect(recogniseHeaders(['\uFEFFOrganization - ID', 'organization - name'])?.mapping).toMatchObject({ source: 'pipedrive', kind: 'account' });
    expect(recogniseHeaders(['Name', 'Phone'])).toBeNull();
  });

  it('checks a confirmed mapping against the file, naming what does not fit', () => {
    expect(() => checkMapping(['Who', 'Mail'], { source: 'custom', kind: 'contact', columns: [{ column: 'Who', target: 'field', field: 'stage' }] }, 'people.csv')).toThrow('does not fit');
    const checked = checkMapping(['Who', 'Mail', 'Segment'], { source: 'custom', kind: 'contact', columns: [{ column: 'Who', target: 'field', field: 'name' }, { column: 'Mail', target: 'field', field: 'email' }, { column: 'Segment', target: 'custom', key: 'segment' }] }, 'people.csv');
    expect(readImportRow(checked.mapping, { Who: '王小明', Mail: 'XM@Example.cn', Segment: 'smb' }, 'USD')).toEqual({
      ok: true,
      row: expect.objectContaining({ kind: 'contact', name: '王小明', emails: ['xm@example.cn'], customFields: { segment: 'smb' } }),
    });
  });

  it('rejects a row with a bad email or amount, with the reason', () => {
    const contacts = recogniseHeaders(['Record ID', 'First Name', 'Last Name', 'Email'])!.mapping;
    expect(readImportRow(contacts, { 'Record ID': '1', 'First Name': 'Ann', 'Last Name': 'Lee', Email: 'ann@@x' }, 'USD')).toEqual({ ok: false, reason: 'Bad email: "ann@@x".' });
    const deals = recogniseHeaders(['Deal - ID', 'Deal - Title', 'Deal - Stage', 'Deal - Value'])!.mapping;
    expect(readImportRow(deals, { 'Deal - ID': '7', 'Deal - Title': 'Renewal', 'Deal - Stage': 'Demo', 'Deal - Value': 'ten' }, 'EUR')).toMatchObject({ ok: false, reason: expect.stringContaining('Bad amount') });
  });
});
