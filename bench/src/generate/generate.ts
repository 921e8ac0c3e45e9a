import { ensureDefaultPipeline, ManualClock, SequentialIds, Team, User, type AnalyticsStore, type AnalyticsUnitOfWork } from '@rapport/core';
import { accountAt, activityAt, benchId, CAMPAIGNS, campaignAt, contactAt, dealAt, GENERATED_AT, targetsOf, type Basis, type Owners } from './records.js';
import type { DatasetSize } from './sizes.js';

/** Bump when generated records change, so cached datasets are rebuilt. */
export const GENERATOR_VERSION = 2;
const MARKER = 'bench.dataset';
export const BENCH_DOMAIN = 'bench.example.com';
export const ADMIN_EMAIL = `admin@${BENCH_DOMAIN}`;
const REPS = 20;
/** Owners of the generated records, the same in every dataset. */
export const OWNERS: Owners = { ownerIds: Array.from({ length: REPS }, (_, i) => benchId('usr', i + 1)) };
const BATCH = 2_000;

export type Progress = (what: string, done: number, total: number) => void;

interface Marker {
  version: number;
  size: DatasetSize;
}

const sameSize = (a: DatasetSize, b: DatasetSize): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether `store` already holds exactly this generated dataset. */
export async function hasDataset(store: AnalyticsStore, size: DatasetSize): Promise<boolean> {
  const marker = await store.read((uow) => uow.settings.get<Marker>(MARKER));
  return marker !== null && marker.version === GENERATOR_VERSION && sameSize(marker.size, size);
}

async function inBatches(store: AnalyticsStore, total: number, write: (uow: AnalyticsUnitOfWork, index: number) => Promise<void>, report: (done: number) => void): Promise<void> {
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    await store.transaction(async (uow) => {
      for (let i = from; i < to; i += 1) await write(uow, i);
    });
    report(to);
  }
}

/**
 * Writes a generated customer base into an empty store through its repositories, in large
 * transactions (the services would take hours at this size). Every record is parsed with its
 * zod schema first, and the same size always gives the same records.
 */
export async function generateDataset(store: AnalyticsStore, size: DatasetSize, progress: Progress = () => {}): Promise<Basis> {
  const clock = new ManualClock(new Date(GENERATED_AT - 800 * 86_400_000));
  const pipeline = await ensureDefaultPipeline({ store, clock, ids: new SequentialIds() });
  const at = clock.now().toISOString();
  const team = Team.parse({ id: benchId('team', 0), name: 'Sales', createdAt: at });
  const person = (index: number, role: User['role']): User =>
    User.parse({
      id: benchId('usr', index),
      name: role === 'admin' ? 'Bench Admin' : `Rep ${index}`,
      email: role === 'admin' ? ADMIN_EMAIL : `rep${index}@${BENCH_DOMAIN}`,
      role,
      teamId: role === 'admin' ? null : team.id,
      timeZone: 'UTC',
      quietHours: null,
      identities: { slackUserId: null, entraObjectId: null },
      active: true,
      createdAt: at,
      updatedAt: at,
    });
  const reps = Array.from({ length: REPS }, (_, i) => person(i + 1, 'rep'));
  await store.transaction(async (uow) => {
    await uow.teams.insert(team);
    await uow.users.insert(person(0, 'admin'));
    for (const rep of reps) await uow.users.insert(rep);
    for (const [i, rep] of reps.entries()) for (const target of targetsOf(i, rep.id)) await uow.targets.insert(target);
    for (let i = 0; i < CAMPAIGNS; i += 1) await uow.campaigns.insert(campaignAt(i));
  });
  const basis: Basis = { ...OWNERS, pipeline };

  await inBatches(store, size.accounts, (uow, i) => uow.accounts.insert(accountAt(i, basis)), (done) => progress('accounts', done, size.accounts));
  await inBatches(store, size.contacts, (uow, i) => uow.contacts.insert(contactAt(i, size, basis)), (done) => progress('contacts', done, size.contacts));
  await inBatches(
    store,
    size.deals,
    async (uow, i) => {
      const { deal, history } = dealAt(i, size, basis);
      await uow.deals.insert(deal);
      for (const change of history) await uow.deals.appendStageChange(change);
    },
    (done) => progress('deals', done, size.deals),
  );
  await inBatches(store, size.activities, (uow, i) => uow.activities.insert(activityAt(i, size, basis)), (done) => progress('activities', done, size.activities));
  await store.transaction((uow) => uow.settings.set(MARKER, { version: GENERATOR_VERSION, size } satisfies Marker));
  return basis;
}
