import { isFreeMailDomain, type CompanySize, type Lifecycle, type Surface } from '@rapport/core';
import { admin, managerOf, reps, type CastMember, type TeamKey } from './cast.js';
import { companyName } from './names/company-names.js';
import { LOCALE_WEIGHTS, LOCALES, type Locale } from './names/locales.js';
import { personName, workEmail } from './names/person-names.js';
import type { Random } from './random.js';
import { idOf, type Ref } from './refs.js';
import { after, atWork, DAY, MINUTE, type Timeline } from './timeline.js';

/** How an account's year goes: it drives its deals, its activity and its lifecycle changes. */
export type Story = 'prospect' | 'customer' | 'quiet' | 'at_risk' | 'churned' | 'won_back';

export interface AccountPlan extends Ref {
  locale: Locale;
  name: string;
  shortName: string;
  domains: string[];
  industry: string;
  size: CompanySize;
  currency: string;
  owner: CastMember;
  team: TeamKey;
  createdAt: number;
  /** Came in with the spreadsheet imported when the team started using the CRM. */
  imported: boolean;
  story: Story;
  /** After this instant nobody talks to the account; null while it is active. */
  quietSince: number | null;
  /** When the owner marks it at risk, and when a manager marks it churned (null: never). */
  atRiskAt: number | null;
  churnedAt: number | null;
  contacts: ContactPlan[];
}

export interface ContactPlan extends Ref {
  account: AccountPlan;
  name: string;
  emails: string[];
  phones: string[];
  title: string | null;
  createdAt: number;
}

const SIZES: ReadonlyArray<readonly [CompanySize, number]> = [
  ['1-10', 8], ['11-50', 22], ['51-200', 28], ['201-1000', 22], ['1001-5000', 12], ['5001+', 8],
];
const ENTERPRISE_SIZES: readonly CompanySize[] = ['201-1000', '1001-5000', '5001+'];

const IMPORTED_STORIES: ReadonlyArray<readonly [Story, number]> = [
  ['customer', 50], ['quiet', 14], ['at_risk', 10], ['churned', 10], ['won_back', 6], ['prospect', 10],
];

/** Contacts made within this time of their imported account came in with the import. */
const HOUR_GAP = 60 * MINUTE;

const CONTACTS_PER_ACCOUNT: ReadonlyArray<readonly [number, number]> = [[0, 4], [1, 30], [2, 30], [3, 18], [4, 12], [5, 6]];

const INITIAL_LIFECYCLE: Record<Story, Lifecycle> = {
  prospect: 'prospect', customer: 'customer', quiet: 'customer', at_risk: 'customer', churned: 'customer', won_back: 'churned',
};

const pickSurface = (random: Random): Surface => random.weighted([['gmail', 4], ['api', 3], ['slack', 3]] as const);

function ownerFor(random: Random, team: TeamKey, locale: Locale): CastMember {
  if (random.chance(0.04)) return managerOf(team);
  const candidates = reps(team).filter((m) => m.locales.includes(locale));
  return random.pick(candidates.length > 0 ? candidates : reps(team));
}

function domainsFor(random: Random, words: string[], locale: Locale, taken: Set<string>): string[] {
  if (random.chance(0.04)) return [];
  const tld = random.pick(LOCALES[locale].tlds);
  const candidates = [words.join(''), words.join('-'), `${words[0] ?? 'co'}-${random.int(2, 99)}`, `${words.join('')}${random.int(100, 999)}`];
  const primary = candidates.map((c) => `${c}.${tld}`).find((d) => !taken.has(d) && !isFreeMailDomain(d));
  if (!primary) return [];
  taken.add(primary);
  const domains = [primary];
  const alternate = primary.replace(/\.[a-z.]+$/, '.com');
  if (alternate !== primary && random.chance(0.1) && !taken.has(alternate)) {
    taken.add(alternate);
    domains.push(alternate);
  }
  return domains;
}

interface Window {
  start: number;
  end: number;
}

/** Plans `count` accounts with their people, and the steps creating them. */
export function planAccounts(random: Random, timeline: Timeline, count: number): AccountPlan[] {
  const window: Window = { start: timeline.start, end: timeline.end };
  const domains = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  const accounts: AccountPlan[] = [];
  for (let i = 0; i < count; i += 1) {
    const locale = random.weighted(LOCALE_WEIGHTS);
    let company = companyName(random, locale);
    for (let tries = 0; names.has(company.name) && tries < 20; tries += 1) company = companyName(random, locale);
    names.add(company.name);
    const size = random.weighted(SIZES);
    const team: TeamKey = ENTERPRISE_SIZES.includes(size) ? 'enterprise' : 'midmarket';
    // The first accounts are always imported, so the showcase deals have a year to play out on.
    const imported = i < 40 || random.chance(0.4);
    const owner = ownerFor(random, team, locale);
    const createdAt = imported
      ? atWork(random, window.start - random.between(1, 10) * DAY, admin().timeZone)
      : Math.min(atWork(random, window.start + (window.end - window.start - 3 * DAY) * random.next() ** 0.7, owner.timeZone), window.end - 2 * DAY);
    const story = imported ? random.weighted(IMPORTED_STORIES) : 'prospect';
    const account: AccountPlan = {
      id: null,
      locale,
      name: company.name,
      shortName: company.shortName,
      domains: domainsFor(random, company.domainWords, locale, domains),
      industry: company.industry,
      size,
      currency: random.weighted(LOCALES[locale].currencies),
      owner,
      team,
      createdAt,
      imported,
      story,
      ...storyTimes(random, story, window),
      contacts: [],
    };
    const people = random.weighted(CONTACTS_PER_ACCOUNT);
    for (let p = 0; p < people; p += 1) account.contacts.push(planContact(random, account, p, emails, window));
    accounts.push(account);
    scheduleAccount(random, timeline, account);
  }
  return accounts;
}

function storyTimes(random: Random, story: Story, window: Window): Pick<AccountPlan, 'quietSince' | 'atRiskAt' | 'churnedAt'> {
  const day = (from: number, to: number): number => window.start + random.between(from, to) * DAY;
  switch (story) {
    case 'quiet':
      return { quietSince: day(30, 230), atRiskAt: null, churnedAt: null };
    case 'at_risk': {
      const quietSince = day(30, 200);
      return { quietSince, atRiskAt: quietSince + random.between(45, 80) * DAY, churnedAt: null };
    }
    case 'churned': {
      const quietSince = day(20, 150);
      const atRiskAt = quietSince + random.between(40, 60) * DAY;
      return { quietSince, atRiskAt, churnedAt: atRiskAt + random.between(45, 70) * DAY };
    }
    default:
      return { quietSince: null, atRiskAt: null, churnedAt: null };
  }
}

function planContact(random: Random, account: AccountPlan, position: number, emails: Set<string>, window: Window): ContactPlan {
  const locale = random.chance(0.85) ? account.locale : 'en-us';
  const person = personName(random, locale);
  const domain = account.domains[0];
  const addresses = [workEmail(random, person, domain ?? random.pick(LOCALES[locale].freeMail), emails)];
  if (random.chance(0.08)) addresses.push(workEmail(random, person, account.domains[1] ?? random.pick(LOCALES[locale].freeMail), emails));
  const phones: string[] = [];
  if (random.chance(0.7)) phones.push(LOCALES[locale].phone(random));
  if (random.chance(0.12)) phones.push(LOCALES[locale].phone(random));
  // Some people are met later, at accounts already in the CRM.
  const latest = Math.min(account.quietSince ?? window.end, window.end) - DAY;
  const candidate = atWork(random, account.createdAt + random.between(1, 120) * DAY, account.owner.timeZone);
  const later = position > 0 && !account.imported && random.chance(0.5) && candidate < latest;
  const createdAt = later ? candidate : account.createdAt + (position + 1) * 3 * MINUTE;
  return {
    id: null,
    account,
    name: person.name,
    emails: addresses,
    phones,
    title: random.chance(0.9) ? random.pick(LOCALES[locale].titles) : null,
    createdAt: after(account.createdAt, createdAt),
  };
}


function scheduleAccount(random: Random, timeline: Timeline, account: AccountPlan): void {
  const creator = account.imported ? admin() : account.owner;
  const surface: Surface = account.imported ? 'import' : pickSurface(random);
  timeline.add(account.createdAt, async (ctx) => {
    const created = await ctx.services.accounts.create(ctx.as(creator, surface), {
      name: account.name,
      domains: account.domains,
      industry: account.industry,
      size: account.size,
      ownerId: ctx.as(account.owner, surface).user.id,
      lifecycle: INITIAL_LIFECYCLE[account.story],
    });
    account.id = created.id;
    ctx.count('accounts');
  });
  for (const contact of account.contacts) {
    const imported = account.imported && contact.createdAt - account.createdAt < HOUR_GAP;
    timeline.add(contact.createdAt, async (ctx) => {
      const actor = ctx.as(imported ? admin() : account.owner, imported ? 'import' : surface === 'import' ? 'gmail' : surface);
      const created = await ctx.services.contacts.create(actor, {
        name: contact.name,
        accountId: idOf(account, 'account'),
        emails: contact.emails,
        phones: contact.phones,
        title: contact.title,
        ownerId: ctx.as(account.owner, 'api').user.id,
      });
      contact.id = created.id;
      ctx.count('contacts');
    });
  }
  scheduleLifecycle(random, timeline, account);
}

/** Customers that went quiet are marked at risk by their owner, and a manager marks some churned. */
function scheduleLifecycle(random: Random, timeline: Timeline, account: AccountPlan): void {
  const change = (at: number | null, lifecycle: Lifecycle, by: CastMember) => {
    if (at === null) return;
    timeline.add(atWork(random, at, by.timeZone), async (ctx) => {
      await ctx.services.accounts.update(ctx.as(by, 'api'), idOf(account, 'account'), { lifecycle });
    });
  };
  change(account.atRiskAt, 'at_risk', account.owner);
  change(account.churnedAt, 'churned', managerOf(account.team));
}
