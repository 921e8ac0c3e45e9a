import { CrmError } from '@rapport/core';
import type { ChangeNotification, CrmConnector, RemotePage, RemoteProperty, RemoteRecord, RemoteSchema, RemoteWrite, WebhookRequest } from '@rapport/core';
import { HubSpotClient, type HubSpotClientOptions } from './hubspot-client.js';
import { ASSOCIATED, ASSOCIATION_TYPE, HUBSPOT_OBJECTS, objectOfKind } from './hubspot-objects.js';
import { verifyV3 } from './webhook-signature.js';

export interface HubSpotConnectorOptions extends HubSpotClientOptions {
  /** The app's client secret, which signs its webhooks; without it webhooks are refused. */
  clientSecret?: string;
  /** Records per page (HubSpot allows up to 100; search up to 200). */
  pageSize?: number;
}

interface HsObject { id: string; properties: Record<string, string | null>; updatedAt: string; archived?: boolean; associations?: Record<string, { results: { id: string }[] }> }
interface HsPage { results: HsObject[]; paging?: { next?: { after: string } }; total?: number }

const LIST = 'list:';
const SINCE = 'since:';
const SEARCH_LIMIT = 100;
/** The poll after an initial sync starts this long before it, so a change made while it ran (or a clock behind HubSpot's) is read again, not missed. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** HubSpot as a CrmConnector (CRM v3 objects, properties, pipelines and owners; webhooks signed v3). */
export class HubSpotConnector implements CrmConnector {
  readonly provider = 'hubspot';
  readonly client: HubSpotClient;
  private portalId = '';
  private uiDomain = 'app.hubspot.com';

  constructor(private readonly options: HubSpotConnectorOptions) {
    this.client = new HubSpotClient(options);
  }

  async identify(): Promise<{ accountId: string; label: string }> {
    const details = await this.client.request<{ portalId: number; uiDomain?: string }>('GET', '/account-info/v3/details');
    this.portalId = String(details.portalId);
    this.uiDomain = details.uiDomain ?? this.uiDomain;
    return { accountId: this.portalId, label: `HubSpot portal ${this.portalId}` };
  }

  /** Also learns the portal (for record URLs) when `identify` has not run yet. */
  async readSchema(): Promise<RemoteSchema> {
    if (this.portalId === '') await this.identify();
    const properties: RemoteProperty[] = [];
    for (const { object } of HUBSPOT_OBJECTS.slice(0, 3)) {
      const page = await this.client.request<{ results: { name: string; label: string; type: string; fieldType: string; hubspotDefined?: boolean; options?: { label: string; value: string }[] }[] }>('GET', `/crm/v3/properties/${object}`);
      for (const p of page.results) {
        if (p.hubspotDefined) continue;
        properties.push({ object, name: p.name, label: p.label, type: propertyType(p.type, p.fieldType), options: (p.options ?? []).map((o) => ({ value: o.value, label: o.label })) });
      }
    }
    const pipelines = await this.client.request<{ results: { id: string; label: string; stages: { id: string; label: string; metadata: Record<string, string> }[] }[] }>('GET', '/crm/v3/pipelines/deals');
    const owners: RemoteSchema['owners'] = [];
    let after: string | undefined;
    do {
      const page = await this.client.request<{ results: { id: string; email: string; firstName?: string; lastName?: string }[]; paging?: { next?: { after: string } } }>('GET', `/crm/v3/owners?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      for (const o of page.results) owners.push({ remoteId: o.id, email: o.email, name: [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email });
      after = page.paging?.next?.after;
    } while (after);
    return {
      objects: HUBSPOT_OBJECTS.map((o) => o.object),
      properties,
      owners,
      pipelines: pipelines.results.map((p) => ({
        remoteId: p.id,
        label: p.label,
        stages: p.stages.map((s) => {
          const probability = Number(s.metadata.probability ?? '0');
          const closed = s.metadata.isClosed === 'true' ? (probability >= 1 ? 'won' : 'lost') : null;
          return { remoteId: s.id, label: s.label, probability, closed };
        }),
      })),
    };
  }

  /**
   * A null cursor starts the initial sync (a list, page by page, `list:<after>`); once the list is
   * read, the cursor becomes `since:<ms>` and later calls poll the search API for records whose
   * `hs_lastmodifieddate` is at or after it (a record seen twice is merged once).
   */
  async readChanges(object: string, cursor: string | null): Promise<RemotePage> {
    const spec = HUBSPOT_OBJECTS.find((o) => o.object === object);
    if (!spec) throw new CrmError('invalid_input', `HubSpot object ${object} is not one Rapport syncs (${HUBSPOT_OBJECTS.map((o) => o.object).join(', ')}).`);
    const associations = Object.keys(ASSOCIATED).filter((name) => name !== object).join(',');
    if (cursor === null || cursor.startsWith(LIST)) {
      const [after, startedAt] = cursor === null ? ['', String((this.options.now ?? Date.now)() - CLOCK_SKEW_MS)] : cursor.slice(LIST.length).split('@');
      const query = `limit=${this.options.pageSize ?? 100}&properties=${spec.properties.join(',')}&associations=${associations}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page = await this.client.request<HsPage>('GET', `/crm/v3/objects/${object}?${query}`);
      const next = page.paging?.next?.after;
      return { records: page.results.map((r) => this.toRecord(object, r)), nextCursor: next ? `${LIST}${next}@${startedAt}` : `${SINCE}${startedAt}`, hasMore: next !== undefined, total: page.total ?? null };
    }
    if (!cursor.startsWith(SINCE)) throw new CrmError('invalid_input', `This HubSpot sync cursor is not valid: ${cursor}. Run \`rapport sync run\` to start the object again.`);
    const since = Number(cursor.slice(SINCE.length));
    const page = await this.client.request<HsPage>('POST', `/crm/v3/objects/${object}/search`, {
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(since) }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: [...spec.properties, 'hs_lastmodifieddate'],
      limit: SEARCH_LIMIT,
    });
    const records = page.results.map((r) => this.toRecord(object, r));
    const newest = Math.max(since, ...records.map((r) => Date.parse(r.modifiedAt)));
    const full = records.length === SEARCH_LIMIT && newest > since;
    // Search results carry no associations: they are read again by id when a record is merged.
    return { records, nextCursor: `${SINCE}${full ? newest : newest + 1}`, hasMore: full, total: page.total ?? null };
  }

  async parseWebhook(request: WebhookRequest): Promise<ChangeNotification[]> {
    if (!this.options.clientSecret) throw new CrmError('unauthenticated', 'HubSpot webhooks are off: set the app’s client secret (RAPPORT_HUBSPOT_CLIENT_SECRET) to verify them.');
    verifyV3(this.options.clientSecret, request, (this.options.now ?? Date.now)());
    let events: unknown;
    try {
      events = JSON.parse(request.body);
    } catch {
      throw new CrmError('invalid_input', 'This HubSpot webhook body is not JSON.');
    }
    if (!Array.isArray(events)) throw new CrmError('invalid_input', 'A HubSpot webhook body is a list of events.');
    return events.flatMap((event: { eventId?: number; subscriptionType?: string; objectId?: number; occurredAt?: number }) => {
      const [type, change] = (event.subscriptionType ?? '').split('.');
      const object = `${type}s`.replace('companys', 'companies');
      if (!HUBSPOT_OBJECTS.some((o) => o.object === object) || event.objectId === undefined) return [];
      const kind = change === 'creation' ? 'created' : change === 'deletion' ? 'deleted' : 'changed';
      return [{ eventId: String(event.eventId), object, remoteId: String(event.objectId), change: kind, occurredAt: new Date(event.occurredAt ?? 0).toISOString() }];
    });
  }

  /** Reads one record again (after a webhook), with its associations. */
  async readOne(object: string, remoteId: string): Promise<RemoteRecord> {
    const spec = HUBSPOT_OBJECTS.find((o) => o.object === object);
    const associations = Object.keys(ASSOCIATED).filter((name) => name !== object).join(',');
    const row = await this.client.request<HsObject>('GET', `/crm/v3/objects/${object}/${encodeURIComponent(remoteId)}?properties=${spec?.properties.join(',') ?? ''}&associations=${associations}`);
    return this.toRecord(object, row);
  }

  async write(change: RemoteWrite): Promise<RemoteRecord> {
    const object = objectOfKind(change.kind);
    if (!object) throw new CrmError('invalid_input', `Rapport does not write ${change.kind} records to HubSpot.`);
    if (change.remoteId !== null) {
      const row = await this.client.request<HsObject>('PATCH', `/crm/v3/objects/${object}/${encodeURIComponent(change.remoteId)}`, { properties: change.properties });
      return this.toRecord(object, row);
    }
    const associations = Object.entries(change.associations).flatMap(([kind, ids]) => {
      const typeId = ASSOCIATION_TYPE[object]?.[kind as keyof typeof change.associations];
      return typeId === undefined ? [] : (ids ?? []).map((id) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }));
    });
    const row = await this.client.request<HsObject>('POST', `/crm/v3/objects/${object}`, { properties: change.properties, associations });
    return this.toRecord(object, row);
  }

  private toRecord(object: string, row: HsObject): RemoteRecord {
    const spec = HUBSPOT_OBJECTS.find((o) => o.object === object);
    const associations: RemoteRecord['associations'] = {};
    for (const [name, list] of Object.entries(row.associations ?? {})) {
      const kind = ASSOCIATED[name];
      if (kind) associations[kind] = list.results.map((r) => r.id);
    }
    const typeId = { companies: '0-2', contacts: '0-1', deals: '0-3' }[object];
    return {
      kind: spec?.kind ?? 'activity',
      object,
      remoteId: row.id,
      properties: row.properties,
      associations,
      modifiedAt: row.updatedAt,
      url: typeId && this.portalId ? `https://${this.uiDomain}/contacts/${this.portalId}/record/${typeId}/${row.id}` : null,
      archived: row.archived ?? false,
    };
  }
}

function propertyType(type: string, fieldType: string): RemoteProperty['type'] {
  if (type === 'number') return 'number';
  if (type === 'date' || type === 'datetime') return 'date';
  if (type === 'bool' || fieldType === 'booleancheckbox') return 'checkbox';
  if (type === 'enumeration') return fieldType === 'checkbox' ? 'multi_select' : 'select';
  return 'text';
}
