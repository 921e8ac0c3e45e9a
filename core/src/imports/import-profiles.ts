import type { ImportField, ImportKind, ImportSource } from './import.schema.js';

/**
 * One standard export file of another CRM: the headers that tell it apart (all present) and
 * where each documented column goes. Headers compare without regard to case or spacing.
 */
export interface ExportProfile {
  source: Exclude<ImportSource, 'custom'>;
  kind: ImportKind;
  label: string;
  signature: readonly string[];
  columns: Readonly<Record<string, ImportField>>;
}

/** HubSpot's exports of companies, contacts, deals and notes (Record ID, the property labels, "Associated … IDs"). */
const HUBSPOT: ExportProfile[] = [
  {
    source: 'hubspot', kind: 'account', label: 'HubSpot companies', signature: ['Record ID', 'Company name'],
    columns: { 'Record ID': 'externalId', 'Company name': 'name', 'Company Domain Name': 'domain', Website: 'website', 'Website URL': 'website', Industry: 'industry', 'Number of Employees': 'employees', 'Company owner': 'owner', 'Lifecycle Stage': 'lifecycle' },
  },
  {
    source: 'hubspot', kind: 'contact', label: 'HubSpot contacts', signature: ['Record ID', 'First Name', 'Last Name', 'Email'],
    columns: { 'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Phone Number': 'phone', 'Mobile Phone Number': 'phone', 'Job Title': 'title', 'Contact owner': 'owner', 'Associated Company IDs': 'accountRef', 'Primary Associated Company ID': 'accountRef', 'Company Name': 'accountName', 'Associated Company': 'accountName' },
  },
  {
    source: 'hubspot', kind: 'deal', label: 'HubSpot deals', signature: ['Record ID', 'Deal Name', 'Deal Stage'],
    columns: { 'Record ID': 'externalId', 'Deal Name': 'name', Amount: 'amount', 'Currency': 'currency', 'Deal Currency Code': 'currency', 'Deal Stage': 'stage', Pipeline: 'pipeline', 'Close Date': 'closeDate', 'Deal owner': 'owner', 'Associated Company IDs': 'accountRef', 'Associated Contact IDs': 'contactRef', 'Associated Company': 'accountName', 'Deal probability': 'probability' },
  },
  {
    source: 'hubspot', kind: 'activity', label: 'HubSpot notes', signature: ['Record ID', 'Activity date', 'Note body'],
    columns: { 'Record ID': 'externalId', 'Activity date': 'occurredAt', 'Note body': 'body', 'Activity assigned to': 'owner', 'Associated Contact IDs': 'contactRef', 'Associated Company IDs': 'accountRef', 'Associated Deal IDs': 'dealRef' },
  },
];

/** Salesforce's Data Export files (one per object, API field names as headers). */
const SALESFORCE: ExportProfile[] = [
  {
    source: 'salesforce', kind: 'user', label: 'Salesforce users (User.csv)', signature: ['Id', 'Username', 'Email'],
    columns: { Id: 'externalId', Email: 'email', Name: 'name', FirstName: 'firstName', LastName: 'lastName' },
  },
  {
    source: 'salesforce', kind: 'account', label: 'Salesforce accounts (Account.csv)', signature: ['Id', 'Name', 'Website', 'OwnerId'],
    columns: { Id: 'externalId', Name: 'name', Website: 'website', Industry: 'industry', NumberOfEmployees: 'employees', OwnerId: 'owner' },
  },
  {
    source: 'salesforce', kind: 'contact', label: 'Salesforce contacts (Contact.csv)', signature: ['Id', 'AccountId', 'LastName', 'Email'],
    columns: { Id: 'externalId', AccountId: 'accountRef', FirstName: 'firstName', LastName: 'lastName', Name: 'name', Email: 'email', Phone: 'phone', MobilePhone: 'phone', Title: 'title', OwnerId: 'owner' },
  },
  {
    source: 'salesforce', kind: 'deal', label: 'Salesforce opportunities (Opportunity.csv)', signature: ['Id', 'AccountId', 'StageName', 'CloseDate'],
    columns: { Id: 'externalId', AccountId: 'accountRef', ContactId: 'contactRef', Name: 'name', Amount: 'amount', CurrencyIsoCode: 'currency', StageName: 'stage', CloseDate: 'closeDate', Probability: 'probability', OwnerId: 'owner' },
  },
  {
    source: 'salesforce', kind: 'activity', label: 'Salesforce tasks (Task.csv)', signature: ['Id', 'WhoId', 'WhatId', 'ActivityDate', 'Subject'],
    columns: { Id: 'externalId', WhoId: 'contactRef', WhatId: 'dealRef', AccountId: 'accountRef', Subject: 'subject', Description: 'body', ActivityDate: 'occurredAt', TaskSubtype: 'type', OwnerId: 'owner' },
  },
  {
    source: 'salesforce', kind: 'activity', label: 'Salesforce events (Event.csv)', signature: ['Id', 'WhoId', 'WhatId', 'ActivityDateTime', 'Subject'],
    columns: { Id: 'externalId', WhoId: 'contactRef', WhatId: 'dealRef', AccountId: 'accountRef', Subject: 'subject', Description: 'body', ActivityDateTime: 'occurredAt', OwnerId: 'owner' },
  },
];

/** Pipedrive's exports: "<Object> - <Field>" headers; linked records are named, not numbered. */
const PIPEDRIVE: ExportProfile[] = [
  {
    source: 'pipedrive', kind: 'account', label: 'Pipedrive organizations', signature: ['Organization - ID', 'Organization - Name'],
    columns: { 'Organization - ID': 'externalId', 'Organization - Name': 'name', 'Organization - Website': 'website', 'Organization - Industry': 'industry', 'Organization - Number of employees': 'employees', 'Organization - Owner': 'owner' },
  },
  {
    source: 'pipedrive', kind: 'contact', label: 'Pipedrive people', signature: ['Person - ID', 'Person - Name'],
    columns: { 'Person - ID': 'externalId', 'Person - Name': 'name', 'Person - First name': 'firstName', 'Person - Last name': 'lastName', 'Person - Email': 'email', 'Person - Phone': 'phone', 'Person - Job title': 'title', 'Person - Owner': 'owner', 'Person - Organization': 'accountName' },
  },
  {
    source: 'pipedrive', kind: 'deal', label: 'Pipedrive deals', signature: ['Deal - ID', 'Deal - Title', 'Deal - Stage'],
    columns: { 'Deal - ID': 'externalId', 'Deal - Title': 'name', 'Deal - Value': 'amount', 'Deal - Currency': 'currency', 'Deal - Stage': 'stage', 'Deal - Pipeline': 'pipeline', 'Deal - Status': 'status', 'Deal - Expected close date': 'closeDate', 'Deal - Probability': 'probability', 'Deal - Owner': 'owner', 'Deal - Organization': 'accountName', 'Deal - Contact person': 'contactName' },
  },
  {
    source: 'pipedrive', kind: 'activity', label: 'Pipedrive activities', signature: ['Activity - ID', 'Activity - Subject', 'Activity - Type'],
    columns: { 'Activity - ID': 'externalId', 'Activity - Subject': 'subject', 'Activity - Type': 'type', 'Activity - Note': 'body', 'Activity - Due date': 'occurredAt', 'Activity - Assigned to user': 'owner', 'Activity - Organization': 'accountName', 'Activity - Contact person': 'contactName', 'Activity - Deal': 'dealName' },
  },
  {
    source: 'pipedrive', kind: 'activity', label: 'Pipedrive notes', signature: ['Note - ID', 'Note - Content'],
    columns: { 'Note - ID': 'externalId', 'Note - Content': 'body', 'Note - Add time': 'occurredAt', 'Note - User': 'owner', 'Note - Organization': 'accountName', 'Note - Person': 'contactName', 'Note - Deal': 'dealName' },
  },
];

/** Rapport's own CSV export (see the export's column lists): what it writes, it reads back. */
const RAPPORT: ExportProfile[] = [
  {
    source: 'rapport', kind: 'account', label: 'Rapport accounts', signature: ['rapport_id', 'name', 'domains', 'lifecycle'],
    columns: { rapport_id: 'externalId', name: 'name', domains: 'domain', industry: 'industry', size: 'employees', owner_email: 'owner', lifecycle: 'lifecycle' },
  },
  {
    source: 'rapport', kind: 'contact', label: 'Rapport contacts', signature: ['rapport_id', 'name', 'emails', 'account_id'],
    columns: { rapport_id: 'externalId', name: 'name', emails: 'email', phones: 'phone', title: 'title', owner_email: 'owner', account_id: 'accountRef' },
  },
  {
    source: 'rapport', kind: 'deal', label: 'Rapport deals', signature: ['rapport_id', 'title', 'amount', 'stage_id'],
    columns: { rapport_id: 'externalId', title: 'name', amount: 'amount', currency: 'currency', stage_id: 'stage', pipeline: 'pipeline', status: 'status', expected_close_date: 'closeDate', probability: 'probability', owner_email: 'owner', account_id: 'accountRef', primary_contact_id: 'contactRef' },
  },
  {
    source: 'rapport', kind: 'activity', label: 'Rapport activities', signature: ['rapport_id', 'type', 'occurred_at', 'subject'],
    columns: { rapport_id: 'externalId', type: 'type', subject: 'subject', body: 'body', occurred_at: 'occurredAt', author_email: 'owner', account_id: 'accountRef', contact_id: 'contactRef', deal_id: 'dealRef' },
  },
];

export const EXPORT_PROFILES: readonly ExportProfile[] = [...HUBSPOT, ...SALESFORCE, ...PIPEDRIVE, ...RAPPORT];
