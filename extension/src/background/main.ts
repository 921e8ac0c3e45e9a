import { CrmError } from '@rapport/core';
import { IdbCardCache, IdbOutbox, IdbStore, openSyncDb } from '@rapport/indexeddb';
import { alarms, isOnline, notifications, onOnline, runtime, storage } from '../platform/browser.js';
import { OUTBOX_STATE_KEY } from '../shared/protocol.js';
import type { Backend } from './backend.js';
import { HubBackend } from './hub-backend.js';
import { LocalBackend } from './local-backend.js';
import { exportCsv, exportJson } from './local-export.js';
import type { OutboxOp } from './outbox-ops.js';
import { route } from './router.js';
import { loadSettings } from './settings-store.js';
import { syncOnce, type NoticeMark } from './sync.js';

/**
 * The background worker's composition root. Listeners are registered synchronously at the top
 * so a worker woken by an alarm, a message or a notification click finds them; everything it
 * keeps lives in IndexedDB or extension storage, so it may be stopped at any moment.
 */

const SYNC_ALARM = 'rapport-sync';
const SYNC_EVERY_MINUTES = 1;

const syncDb = openSyncDb();
const cache = syncDb.then((db) => new IdbCardCache(db));
let localStore: Promise<IdbStore> | null = null;
let current: Promise<Backend | null> | null = null;
let online = isOnline();

async function build(): Promise<Backend | null> {
  const settings = await loadSettings();
  if (settings.mode === 'hub' && settings.hubUrl && settings.token) {
    return new HubBackend(settings, await cache, new IdbOutbox<OutboxOp>(await syncDb));
  }
  if (settings.mode === 'local' && settings.localEmail) {
    localStore ??= IdbStore.open('rapport-local');
    return LocalBackend.open(await localStore, await cache, { name: settings.localName, email: settings.localEmail });
  }
  return null;
}

/** The backend for the current settings; built once, and again after settings change or while none is set up. */
async function backend(): Promise<Backend | null> {
  current ??= build();
  try {
    const built = await current;
    if (!built) current = null;
    return built;
  } catch (error) {
    current = null;
    throw error;
  }
}

async function sync(): Promise<void> {
  const active = await backend();
  if (!active) return;
  const state = async (): Promise<string> => {
    const outbox = await active.outbox();
    return `${online ? 'online' : 'offline'}:${outbox.pending}:${outbox.refused.map((r) => r.seq).join(',')}`;
  };
  const before = await state();
  online = await syncOnce(active, await cache);
  const after = await state();
  // Open cards listen for this: when the outbox drains (or a change is refused), they update themselves.
  if (after !== before) await storage.set(OUTBOX_STATE_KEY, { state: after, at: Date.now() });
}

async function exportData(format: 'json' | 'csv'): Promise<{ filename: string; mime: string; text: string }> {
  if ((await backend())?.mode !== 'local' || !localStore) throw new CrmError('invalid_input', 'Export is for local mode; a hub exports from its own database.');
  const store = await localStore;
  const day = new Date().toISOString().slice(0, 10);
  return format === 'json'
    ? { filename: `rapport-${day}.json`, mime: 'application/json', text: await exportJson(store) }
    : { filename: `rapport-${day}.csv`, mime: 'text/csv;charset=utf-8', text: await exportCsv(store) };
}

runtime.onMessage(async (message, fromExtension) => {
  if (!fromExtension) return { ok: false, error: { code: 'forbidden', message: 'Only Rapport itself may ask.' } };
  return route(message, {
    backend,
    reset: (forget) => {
      current = null;
      if (forget) void cache.then((c) => c.clear());
    },
    online: () => online,
    sync,
    exportData,
  });
});

alarms.onAlarm(SYNC_ALARM, () => void sync());
onOnline(() => void sync());
runtime.onInstalledOrStartup(() => {
  void alarms.every(SYNC_ALARM, SYNC_EVERY_MINUTES);
  void sync();
});

notifications.onButton((id, button) => {
  void (async () => {
    const mark = await (await cache).getMark<NoticeMark>(id);
    const active = await backend();
    if (!mark || !active) return;
    if (button === 0) await active.completeReminder(mark.id, mark.version);
    else await active.snoozeReminder(mark.id, mark.version, '1h');
    await notifications.clear(id);
    await sync();
  })();
});
