import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import { IdbOutbox, openSyncDb } from '@rapport/indexeddb';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { cachedCardTimes } from './support/extension-browser.js';

const BENCH = 'extension';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const CONTENT_SCRIPT_KB_GZ = 40;
const CARD_SHOWN_MS = 50;
const CHANGES = 1000;

/**
 * The Gmail extension: the content script's size, how soon a thread's cached card shows, and
 * the outbox's throughput queueing 1,000 changes in one transaction against one each.
 */
export async function extensionBench(_options: BenchOptions, report: Report): Promise<void> {
  const built = spawnSync(process.execPath, [join(repo, 'extension/scripts/build.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The extension did not build:\n${built.stderr}`);
  const content = readFileSync(join(repo, 'extension/dist/content.js'));
  report.figure({ bench: BENCH, name: 'content script, gzipped', value: gzipSync(content, { level: 9 }).length / 1024, unit: 'KB', target: { op: '<=', value: CONTENT_SCRIPT_KB_GZ } });

  const thread = readFileSync(join(repo, 'extension/src/gmail/fixtures/conversation-on.html'), 'utf8');
  const times = await cachedCardTimes(join(repo, 'extension/dist'), thread, 30);
  report.figure({ bench: BENCH, name: 'thread appears → cached card shown, median', value: times.median, unit: 'ms', target: { op: '<=', value: CARD_SHOWN_MS } });
  report.figure({ bench: BENCH, name: 'thread appears → cached card shown, p90', value: times.p90, unit: 'ms' });

  const oneEach = await outboxSeconds(false);
  const batched = await outboxSeconds(true);
  report.figure({ bench: BENCH, name: `outbox, ${CHANGES} changes, one transaction each`, value: CHANGES / oneEach, unit: 'changes/s' });
  report.figure({ bench: BENCH, name: `outbox, ${CHANGES} changes, one transaction`, value: CHANGES / batched, unit: 'changes/s' });
  report.ratio({ bench: BENCH, name: 'outbox throughput, batched ÷ one transaction per change', value: oneEach / batched, target: { op: '>=', value: 1 } });
}

let databases = 0;

/** Seconds to queue CHANGES deal changes (fake-indexeddb in Node: a ratio, not a browser's absolute speed). */
async function outboxSeconds(batched: boolean): Promise<number> {
  const box = new IdbOutbox(await openSyncDb(`bench-outbox-${(databases += 1)}`));
  const changes = Array.from({ length: CHANGES }, (_, i) => ({ op: { kind: 'updateDeal', dealId: `deal_${i}`, version: 1, edit: { stageId: 'proposal' } }, label: `Move deal ${i}` }));
  const start = performance.now();
  if (batched) await box.enqueueMany(changes);
  else for (const change of changes) await box.enqueue(change);
  const seconds = (performance.now() - start) / 1000;
  if ((await box.pendingCount()) !== CHANGES) throw new Error('The outbox lost changes.');
  return seconds;
}
