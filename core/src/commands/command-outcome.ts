import type { Activity } from '../activities/activity.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { CustomerCard } from '../lookup/customer-card.js';
import type { LookupMatch } from '../lookup/lookup.service.js';
import type { Reminder } from '../reminders/reminder.schema.js';
import type { Services } from '../services/create-services.js';
import type { Money } from '../shared/money.js';
import type { AnalyticsStore } from '../store/store.port.js';
import type { Command, CommandName, DealAction, PipelineScope } from './command.schema.js';
import type { CommandHelp } from './help.js';
import type { PipelineBoard } from '../analytics/index.js';

/**
 * What running a command needs. Every write goes through `services`, so permissions and
 * events stay where they are enforced; `store` answers the reads no service offers yet
 * (the pipeline's stage totals, pipelines for stage names).
 */
export interface CommandDeps {
  services: Services;
  store: AnalyticsStore;
}

/** The person typing: now, and the time zone they read and write times in. */
export interface RunContext {
  now: Date;
  timeZone: string;
}

/**
 * What a command did, as data. Surfaces render it their own way (Block Kit, terminal text,
 * DOM); `summary` is one plain sentence any of them can show as it is.
 */
export type CommandOutcome = FindOutcome | DealOutcome | ChooseDealOutcome | RemindOutcome | PipelineOutcome | HelpOutcome;
export type CommandOutcomeKind = CommandOutcome['kind'];

export interface FindOutcome {
  kind: 'find';
  query: string;
  /** Best first (see LookupService). */
  matches: LookupMatch[];
  /** The top match's card when it is clearly the one meant; null when the user should pick. */
  card: CustomerCard | null;
  summary: string;
}

export interface DealOutcome {
  kind: 'deal';
  action: DealAction;
  /** The deal as it is now. */
  deal: Deal;
  /** The deal as it was before the action. */
  before: Deal;
  /** False when nothing was saved: the deal already was that way (same stage, amount or date). A note is always saved. */
  changed: boolean;
  accountName: string;
  stageName: string;
  /** The stage name before the action; equal to `stageName` unless the stage moved. */
  previousStageName: string;
  /** The note logged on the deal, for the `note` action; null for every other action. */
  note: Activity | null;
  summary: string;
}

/** One deal a query could mean, with what a picker shows next to it. */
export interface DealCandidate {
  deal: Deal;
  accountName: string;
  stageName: string;
  amount: Money;
  /** Whether the person typing owns the deal or collaborates on it. */
  yours: boolean;
  /** The same command aimed at this deal by id: run it when this candidate is picked. */
  command: Extract<Command, { kind: 'deal' }>;
}

/** The query matched several open deals: nothing was changed; a surface shows a picker. */
export interface ChooseDealOutcome {
  kind: 'choose_deal';
  query: string;
  action: DealAction;
  /** At most MAX_DEAL_CANDIDATES, by account name then title. */
  candidates: DealCandidate[];
  /** How many deals matched in all; more than `candidates.length` when the list was cut. */
  total: number;
  summary: string;
}

/** The customer a reminder was linked to. */
export interface LinkedCustomer {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  /** The contact's account, or the account itself. */
  accountId: string | null;
  accountName: string | null;
}

export interface RemindOutcome {
  kind: 'remind';
  reminder: Reminder;
  /** The due time as typed ("tomorrow 9am"). */
  dueText: string;
  /** The due time on the clock of the person typing, "2026-11-19 09:00", and that zone. */
  dueLocal: string;
  timeZone: string;
  /** The customer as typed after "about"; null when none was named. */
  about: string | null;
  /** The customer the reminder is linked to; null when none was named or none matched. */
  linked: LinkedCustomer | null;
  summary: string;
}

export interface PipelineOutcome {
  kind: 'pipeline';
  scope: PipelineScope;
  /** Whose open deals these are. */
  audience: PipelineAudience;
  board: PipelineBoard;
  summary: string;
}

export type PipelineAudience =
  | { kind: 'user'; userId: string; name: string }
  | { kind: 'team'; teamId: string; name: string; memberIds: string[] }
  | { kind: 'everyone' };

export interface HelpEntry extends CommandHelp {
  name: CommandName;
}

export interface HelpOutcome {
  kind: 'help';
  /** null: every command was asked for. */
  topic: CommandName | null;
  entries: HelpEntry[];
  summary: string;
}
