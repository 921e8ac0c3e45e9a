import type { Account } from '../accounts/account.schema.js';
import type { Command } from '../commands/command.schema.js';
import type { CommandDeps, CommandOutcome, RunContext } from '../commands/command-outcome.js';
import { runCommand, runText, type RunTextResult } from '../commands/run-command.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { User } from '../users/user.schema.js';
import { createWorld, type World } from './world.js';

/**
 * The test world with customers and open deals, for the command tests. World starts on
 * Monday 2026-03-02 08:00 UTC.
 *
 *   Acme Corp (acme.com)            Ann Lee · "Acme renewal" Ann, $10,000, Demo
 *                                   "Acme expansion" Raj, $40,000, Lead · "Acme 2025 renewal" Ann, won
 *   Acme Robotics                   "Robotics pilot" Raj, $5,000, Qualified
 *   Globex GmbH                     "Globex platform" Ann, €10,000, Proposal
 *   Iberia Foods                    José Núñez · "Iberia rollout" Ann, $20,000, Qualified
 *   深圳华为技术有限公司              王伟 · "华为云迁移" Raj, ¥500,000 (CNY), Demo
 *   Initech                         "Initech licences" Bo, $8,000, Lead
 *   Initech Labs                    "Labs pilot" Will, $3,000, Lead
 *   Umbrella Ltd                    no deals
 */
export interface CommandWorld extends World {
  commandDeps: CommandDeps;
  accounts: Record<'acme' | 'robotics' | 'globex' | 'iberia' | 'huawei' | 'initech' | 'initechLabs' | 'umbrella', Account>;
  contacts: Record<'annLee' | 'jose' | 'wang', Contact>;
  deals: Record<'acmeRenewal' | 'acmeExpansion' | 'acmeWon' | 'roboticsPilot' | 'globex' | 'iberia' | 'huawei' | 'initech' | 'labs', Deal>;
  /** Now, in the user's own zone. */
  context(user: User): RunContext;
  run(user: User, command: Command): Promise<CommandOutcome>;
  /** Parses and runs, and fails the test when the text does not parse. */
  runText(user: User, text: string): Promise<CommandOutcome>;
  parseAndRun(user: User, text: string): Promise<RunTextResult>;
  /** The deal as stored now. */
  reload(deal: Deal): Promise<Deal>;
}

export async function createCommandWorld(): Promise<CommandWorld> {
  const world = await createWorld();
  const { services, users } = world;
  const admin = world.as(users.admin);
  const account = (name: string, owner: User, domains: string[] = []) =>
    services.accounts.create(admin, { name, domains, ownerId: owner.id });
  const accounts = {
    acme: await account('Acme Corp', users.ann, ['acme.com']),
    robotics: await account('Acme Robotics', users.raj, ['acme-robotics.io']),
    globex: await account('Globex GmbH', users.ann, ['globex.de']),
    iberia: await account('Iberia Foods', users.ann, ['iberia.example']),
    huawei: await account('深圳华为技术有限公司', users.raj, ['huawei.example']),
    initech: await account('Initech', users.bo, ['initech.com']),
    initechLabs: await account('Initech Labs', users.will),
    umbrella: await account('Umbrella Ltd', users.bo),
  };
  const contact = (name: string, email: string, at: Account) =>
    services.contacts.create(admin, { name, emails: [email], accountId: at.id, ownerId: at.ownerId });
  const contacts = {
    annLee: await contact('Ann Lee', 'ann.lee@acme.com', accounts.acme),
    jose: await contact('José Núñez', 'jose@iberia.example', accounts.iberia),
    wang: await contact('王伟', 'wang.wei@huawei.example', accounts.huawei),
  };
  const deal = (title: string, at: Account, owner: User, minor: number, currency: string, stageId: string) =>
    services.deals.create(admin, { title, accountId: at.id, ownerId: owner.id, amount: { minor, currency }, stageId });
  const acmeWon = await deal('Acme 2025 renewal', accounts.acme, users.ann, 900_000, 'USD', 'negotiation');
  const deals = {
    acmeRenewal: await deal('Acme renewal', accounts.acme, users.ann, 1_000_000, 'USD', 'demo'),
    acmeExpansion: await deal('Acme expansion', accounts.acme, users.raj, 4_000_000, 'USD', 'lead'),
    acmeWon: await services.deals.win(admin, acmeWon.id),
    roboticsPilot: await deal('Robotics pilot', accounts.robotics, users.raj, 500_000, 'USD', 'qualified'),
    globex: await deal('Globex platform', accounts.globex, users.ann, 1_000_000, 'EUR', 'proposal'),
    iberia: await deal('Iberia rollout', accounts.iberia, users.ann, 2_000_000, 'USD', 'qualified'),
    huawei: await deal('华为云迁移', accounts.huawei, users.raj, 50_000_000, 'CNY', 'demo'),
    initech: await deal('Initech licences', accounts.initech, users.bo, 800_000, 'USD', 'lead'),
    labs: await deal('Labs pilot', accounts.initechLabs, users.will, 300_000, 'USD', 'lead'),
  };
  const commandDeps: CommandDeps = { services, store: world.store };
  const context = (user: User): RunContext => ({ now: world.clock.now(), timeZone: user.timeZone });
  const parseAndRun = (user: User, text: string) => runText(commandDeps, world.as(user, 'slack'), text, context(user));
  return {
    ...world,
    commandDeps,
    accounts,
    contacts,
    deals,
    context,
    run: (user, command) => runCommand(commandDeps, world.as(user, 'slack'), command, context(user)),
    parseAndRun,
    async runText(user, text) {
      const result = await parseAndRun(user, text);
      if (!result.ok) throw new Error(`${text}: ${result.error.message} ${result.error.hint}`);
      return result.outcome;
    },
    reload: (d) => services.deals.get(admin, d.id),
  };
}
