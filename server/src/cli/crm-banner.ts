import { hasConnectors, type Store } from '@rapport/core';

/** The banner's CRM line: what the hub is connected to and how its sync stands. */
export async function describeCrm(store: Store): Promise<string> {
  const connections = await store.read(async (uow) => (hasConnectors(uow) ? uow.connectors.listConnections() : []));
  if (connections.length === 0) return 'none: Rapport is the system of record (rapport connect hubspot --token … to use HubSpot)';
  return connections
    .map((c) => `${c.label}, ${c.status}${c.status === 'active' ? '' : ` (${c.lastError ?? 'see rapport sync status'})`}, last sync ${c.lastSyncAt ?? 'never'}`)
    .join('; ');
}
