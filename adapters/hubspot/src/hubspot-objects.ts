import type { FieldNames, RemoteKind } from '@rapport/core';

/** The HubSpot CRM objects Rapport reads, in the order an initial sync reads them, with the Rapport kind each becomes. */
export const HUBSPOT_OBJECTS: readonly { object: string; kind: RemoteKind; properties: readonly string[] }[] = [
  { object: 'companies', kind: 'account', properties: ['name', 'domain', 'industry', 'hubspot_owner_id'] },
  { object: 'contacts', kind: 'contact', properties: ['firstname', 'lastname', 'email', 'phone', 'jobtitle', 'hubspot_owner_id'] },
  { object: 'deals', kind: 'deal', properties: ['dealname', 'amount', 'deal_currency_code', 'pipeline', 'dealstage', 'closedate', 'hubspot_owner_id'] },
  { object: 'notes', kind: 'activity', properties: ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id'] },
  { object: 'emails', kind: 'activity', properties: ['hs_email_subject', 'hs_email_text', 'hs_timestamp', 'hubspot_owner_id'] },
  { object: 'calls', kind: 'activity', properties: ['hs_call_title', 'hs_call_body', 'hs_timestamp', 'hubspot_owner_id'] },
  { object: 'meetings', kind: 'activity', properties: ['hs_meeting_title', 'hs_meeting_body', 'hs_timestamp', 'hubspot_owner_id'] },
  { object: 'tasks', kind: 'reminder', properties: ['hs_task_subject', 'hs_task_body', 'hs_timestamp', 'hs_task_status', 'hubspot_owner_id'] },
];

/** The HubSpot property behind each built-in Rapport field. */
export const HUBSPOT_FIELDS: FieldNames = {
  account: { name: 'name', domain: 'domain', industry: 'industry', owner: 'hubspot_owner_id' },
  contact: { firstName: 'firstname', lastName: 'lastname', email: 'email', phone: 'phone', title: 'jobtitle', owner: 'hubspot_owner_id' },
  deal: { title: 'dealname', amount: 'amount', currency: 'deal_currency_code', pipeline: 'pipeline', stage: 'dealstage', closeDate: 'closedate', owner: 'hubspot_owner_id' },
};

/** HubSpot's association names for the kinds a record links to. */
export const ASSOCIATED: Partial<Record<string, RemoteKind>> = { companies: 'account', contacts: 'contact', deals: 'deal' };

export const objectOfKind = (kind: RemoteKind): string | undefined => HUBSPOT_OBJECTS.find((o) => o.kind === kind)?.object;

/** Default association type ids (HubSpot-defined) used when a created record is linked. */
export const ASSOCIATION_TYPE: Record<string, Partial<Record<RemoteKind, number>>> = {
  contacts: { account: 279, deal: 4 },
  notes: { contact: 202, account: 190, deal: 214 },
  deals: { account: 341, contact: 3 },
};
