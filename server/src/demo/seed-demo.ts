import { createServices, CrmError, ensureDefaultPipeline, ManualClock, type Services, type AnalyticsStore } from '@rapport/core';
import { BatchedStore } from './batched-store.js';
import { CAST, TEAM_NAMES, type Staff, type TeamKey } from './cast.js';
import { planAccounts } from './plan-accounts.js';
import { planCampaigns } from './plan-campaigns.js';
import { planActivities, scheduleActivities } from './plan-activities.js';
import { planDeals } from './plan-deals.js';
import { planReminders } from './plan-reminders.js';
import { planTargets } from './plan-targets.js';
import { Random } from './random.js';
import { RecordingStore } from './recording-store.js';
import { scheduleDeals } from './schedule-deals.js';
import { SeededIds } from './seeded-ids.js';
import { contextFor, DAY, MINUTE, Timeline } from './timeline.js';
import { activityRecords, bulkInsertOf } from './write-activities.js';

export interface DemoSeedResult {
  users: Array<{ id: string; name: string; email: string; role: 'rep' | 'manager' | 'admin'; team: string | null; token: string }>;
  counts: Record<string, number>;
}

export interface DemoLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
}

/** The same seed always builds the same company. */
const SEED = 20_240_611;
const ACCOUNTS: Record<'full' | 'small', number> = { full: 2000, small: 100 };

/**
 * Seeds a demo company into an empty database: a sales team in two teams, customers in
 * several languages and scripts, and a year of deals, activities, reminders, campaigns and
 * monthly quotas ending at `now`. Every change goes through the core services with a clock
 * walked through the year, so events, stage history, versions and permissions are as real as a
 * year of use. On a store that writes in bulk (the SQL stores' `insertMany`) the services write
 * into a `RecordingStore` held in memory, and the year is then written at once in multi-row
 * inserts in one transaction, with the year's activities and their events planned beside it;
 * `write: 'services'` writes through the services into the store instead, in about a dozen
 * transactions (a tenth of the year each): the slower reference the bulk writing is tested
 * against. Other stores (the memory store) are always written through the services. The same
 * `now` gives the same names, amounts, stages and ids either way; access token secrets are new
 * each time. `small` (about 100 accounts) is for tests.
 */
export async function seedDemo(
  deps: { store: AnalyticsStore; now: Date; logger?: DemoLogger },
  options: { size?: 'full' | 'small'; write?: 'bulk' | 'services' } = {},
): Promise<DemoSeedResult> {
  const size = options.size ?? 'full';
  const began = performance.now();
  const now = deps.now.getTime();
  const start = now - 365 * DAY;
  if ((await deps.store.read((uow) => uow.users.count())) > 0) {
    throw new CrmError('conflict', 'The demo company is seeded into an empty database only, and this one already has users. Use a new data folder (or database) for the demo.');
  }
  const random = new Random(SEED);
  const clock = new ManualClock(new Date(start - 30 * DAY));
  const store = new BatchedStore(deps.store);
  const ids = new SeededIds(clock, random.fork());
  const serviceDeps = { store, clock, ids };
  const services = createServices(serviceDeps);
  const { pipeline, staff } = await store.batch(async () => ({ pipeline: await ensureDefaultPipeline(serviceDeps), staff: await hire(services, clock) }));

  const timeline = new Timeline(start, now - MINUTE);
  const accounts = planAccounts(random.fork(), timeline, ACCOUNTS[size]);
  const deals = planDeals(random.fork(), timeline, accounts, { ids: pipeline.stages.map((s) => s.id) });
  scheduleDeals(random.fork(), timeline, deals);
  const activities = planActivities(random.fork(), timeline, accounts, deals);
  const bulk = bulkInsertOf(deps.store);
  if (!bulk) scheduleActivities(timeline, activities);
  planReminders(random.fork(), timeline, accounts, deals);
  planCampaigns(random.fork(), timeline, deals);
  planTargets(timeline, deals);
  deps.logger?.info('Seeding the demo company', { size, steps: timeline.size });

  const counts: Record<string, number> = { teams: staff.teams.size, users: staff.users.size };
  const progress = (done: number, total: number): void => deps.logger?.info('Seeding the demo company', { done, total });
  // With a bulk writer the year is played against a recording of the services' writes, then written at once.
  const recording = bulk && options.write !== 'services' ? new RecordingStore({ users: [...staff.users.values()], teams: [...staff.teams.values()], pipelines: [pipeline] }) : null;
  if (recording) {
    await timeline.play(clock, contextFor(createServices({ store: recording, clock, ids }), staff, counts), { progress });
  } else {
    await timeline.play(clock, contextFor(services, staff, counts), { batch: (work) => store.batch(work), progress });
  }
  if (bulk) {
    // Written at once, after the records they link to: nothing the services do reads them.
    const logged = activityRecords(activities, staff, random.fork());
    const recorded = recording?.records() ?? {};
    await bulk.insertMany({ ...recorded, activities: [...(recorded.activities ?? []), ...logged.activities], events: [...(recorded.events ?? []), ...logged.events] });
    counts.activities = activities.length;
  }
  for (const deal of deals) counts[`deals.${deal.outcome.status}`] = (counts[`deals.${deal.outcome.status}`] ?? 0) + 1;

  clock.set(deps.now);
  const users: DemoSeedResult['users'] = [];
  await store.batch(async () => {
    for (const member of CAST) {
      const user = staff.users.get(member.key);
      if (!user) continue;
      const { secret } = await services.tokens.create(null, user.id, 'demo');
      users.push({ id: user.id, name: user.name, email: user.email, role: user.role, team: member.team ? TEAM_NAMES[member.team] : null, token: secret });
    }
  });
  counts.tokens = users.length;
  deps.logger?.info('Demo company ready', { ...counts, seconds: Math.round(performance.now() - began) / 1000 });
  return { users, counts };
}

/** Creates the teams and people, a month before the year of history starts. */
async function hire(services: Services, clock: ManualClock): Promise<Staff> {
  const staff: Staff = { users: new Map(), teams: new Map() };
  for (const key of Object.keys(TEAM_NAMES) as TeamKey[]) {
    staff.teams.set(key, await services.users.createTeam(null, TEAM_NAMES[key]));
    clock.advance(MINUTE);
  }
  for (const member of CAST) {
    const team = member.team ? staff.teams.get(member.team) : undefined;
    const user = await services.users.create(null, {
      name: member.name,
      email: member.email,
      role: member.role,
      teamId: team?.id ?? null,
      timeZone: member.timeZone,
      quietHours: member.quietHours,
    });
    staff.users.set(member.key, user);
    clock.advance(MINUTE);
  }
  return staff;
}
