import { ConnectorSync, CrmError, hasConnectors, OutboxPusher, systemClock, TimeOrderedIds, type ConnectorUnitOfWork } from '@rapport/core';
import { HUBSPOT_FIELDS, HubSpotConnector } from '@rapport/hubspot';
import { optional, required, type CliIo, type CommandSpec } from './args.js';
import { withDatabase, type AdminContext } from './context.js';
import { connectorKey, openToken, sealToken } from './connector-secret.js';

/** `rapport connect | sync | disconnect`: a HubSpot portal as the system of record. */

const CONNECTION_ID = 'hubspot';
const TOKEN_SETTING = 'connector.hubspot.token';

const baseUrl = (io: CliIo, given: string | undefined): string | undefined => given ?? (io.env.RAPPORT_HUBSPOT_BASE_URL?.trim() || undefined);

function state<T>(context: AdminContext, fn: (uow: ConnectorUnitOfWork) => Promise<T>): Promise<T> {
  return context.store.transaction(async (uow) => {
    if (!hasConnectors(uow)) throw new CrmError('unavailable', 'This database keeps no connector state.');
    return fn(uow);
  });
}

async function openConnector(io: CliIo, context: AdminContext): Promise<HubSpotConnector> {
  const sealed = await context.store.read((uow) => uow.settings.get<string>(TOKEN_SETTING));
  if (!sealed) throw new CrmError('not_found', 'No CRM is connected. Connect one: rapport connect hubspot --token <private app token>');
  const token = openToken(sealed, connectorKey(io.env, context.config.dataDir));
  return new HubSpotConnector({ token, basePath: baseUrl(io, undefined), clientSecret: io.env.RAPPORT_HUBSPOT_CLIENT_SECRET });
}

export const connectHubSpot: CommandSpec = {
  name: 'connect hubspot',
  summary: 'Connect a HubSpot portal (a private app token) as the system of record.',
  usage: 'rapport connect hubspot --token <private app token> [--base-url <url>]',
  options: { token: { type: 'string' }, 'base-url': { type: 'string' } },
  details: ['The token is checked with HubSpot, then kept encrypted (RAPPORT_CONNECTOR_KEY, or connector.key in the data folder).', 'The scopes it needs are in the README of @rapport/hubspot.'],
  async run(args, io) {
    const token = required(args, 'token', this);
    return withDatabase(io, async (context) => {
      const connector = new HubSpotConnector({ token, basePath: baseUrl(io, optional(args, 'base-url')) });
      const who = await connector.identify();
      const now = new Date().toISOString();
      await state(context, async (uow) => {
        const existing = await uow.connectors.getConnection(CONNECTION_ID);
        await uow.connectors.saveConnection({
          id: CONNECTION_ID, provider: 'hubspot', label: who.label, status: 'active', lastError: null, lastSyncAt: existing?.lastSyncAt ?? null,
          leaseOwner: existing?.leaseOwner ?? null, leaseUntil: existing?.leaseUntil ?? null, createdAt: existing?.createdAt ?? now, updatedAt: now,
        });
        await uow.settings.set(TOKEN_SETTING, sealToken(token, connectorKey(io.env, context.config.dataDir)));
      });
      io.out(`Connected to ${who.label}. Copy its records now with: rapport sync run`);
      return 0;
    });
  },
};

export const syncRun: CommandSpec = {
  name: 'sync run',
  summary: 'Copy what changed in the connected CRM, then push Rapport’s pending changes to it.',
  usage: 'rapport sync run',
  options: {},
  details: ['Resumes an interrupted initial sync where it stopped; records owned by no Rapport user go to the first admin.'],
  async run(_args, io) {
    return withDatabase(io, async (context) => {
      const connector = await openConnector(io, context);
      const admins = await context.store.read((uow) => uow.users.list({ role: 'admin', active: true }, { limit: 1 }));
      const admin = admins.items[0];
      if (!admin) throw new CrmError('invalid_input', 'Records whose CRM owner is no Rapport user go to an admin: add one first (rapport user add --role admin …).');
      const options = { store: context.store, connector, connectionId: CONNECTION_ID, fields: HUBSPOT_FIELDS, clock: systemClock };
      const result = await new ConnectorSync({ ...options, ids: new TimeOrderedIds(), hubName: `cli-${process.pid}`, fallbackOwnerId: admin.id }).run();
      if (!result.ran) {
        io.out('Another hub is syncing this connection now; nothing was done.');
        return 0;
      }
      const pushed = await new OutboxPusher(options).pushDue(await connector.readSchema());
      io.out(`Synced: ${result.counts.created} created, ${result.counts.updated} updated, ${result.counts.skipped} unchanged; pushed ${pushed.pushed}, failed ${pushed.failed}, waiting ${pushed.retrying}.`);
      return 0;
    });
  },
};

export const syncStatus: CommandSpec = {
  name: 'sync status',
  summary: 'Say what the hub is connected to: last sync, records, pending writes, errors.',
  usage: 'rapport sync status',
  options: {},
  details: ['Exits 1 when the connection needs attention (a revoked token or an error).'],
  async run(_args, io) {
    return withDatabase(io, async (context) => {
      const report = await state(context, async (uow) => {
        const connection = await uow.connectors.getConnection(CONNECTION_ID);
        if (!connection) return null;
        return { connection, links: await uow.connectors.countLinks(CONNECTION_ID), outbox: await uow.connectors.countOutbox(CONNECTION_ID), cursors: await uow.connectors.listCursors(CONNECTION_ID) };
      });
      if (!report) {
        io.out('Not connected to a CRM. Connect one: rapport connect hubspot --token <private app token>');
        return 0;
      }
      const { connection, links, outbox, cursors } = report;
      io.out(`${connection.label}: ${connection.status}${connection.lastError ? ` — ${connection.lastError}` : ''}`);
      io.out(`Last sync: ${connection.lastSyncAt ?? 'never'}`);
      io.out(`Records: ${Object.entries(links).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none yet'}`);
      io.out(`Writes: ${outbox.pending} pending, ${outbox.failed} failed, ${outbox.done} done`);
      for (const c of cursors) io.out(`  ${c.object}: ${c.recordsRead}${c.recordsTotal === null ? '' : ` of ${c.recordsTotal}`} read${c.initialDone ? '' : ' (initial sync under way)'}${c.lastError ? ` — ${c.lastError}` : ''}`);
      return connection.status === 'active' ? 0 : 1;
    });
  },
};

export const disconnect: CommandSpec = {
  name: 'disconnect',
  summary: 'Disconnect the CRM: Rapport keeps its records, forgets the token, links and pending writes.',
  usage: 'rapport disconnect',
  options: {},
  details: ['Connect again with rapport connect hubspot --token …'],
  async run(_args, io) {
    return withDatabase(io, async (context) => {
      await state(context, async (uow) => {
        await uow.connectors.deleteConnection(CONNECTION_ID);
        await uow.settings.set(TOKEN_SETTING, null);
      });
      io.out('Disconnected. Rapport keeps the records it copied.');
      return 0;
    });
  },
};
