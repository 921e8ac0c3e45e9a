import { z } from 'zod';
import { CurrencyCode } from '../shared/money.js';
import { CalendarDate } from '../shared/schema.js';
import type { DueOptions } from '../reminders/due-parser.js';

/**
 * The one command language of every text surface: Slack's `/crm …`, the `rapport` CLI and
 * the extension's command bar. A surface hands the text to `parseCommand` and gets back one
 * of these commands (or a CommandError to show); running it is the services' job.
 */

export const COMMAND_NAMES = ['find', 'deal', 'remind', 'pipeline', 'help'] as const;
export const CommandName = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandName>;

const Text = z.string().trim().min(1);

export const DealAction = z.discriminatedUnion('type', [
  /** The stage as typed ("proposal", "Closed Won"): resolve it against the deal's pipeline by id or name. */
  z.object({ type: z.literal('stage'), stage: Text }),
  /**
   * The amount as typed ("12.5k", "$80k", "€ 9.99"). How many minor units it is depends on
   * the deal's currency, so run it through `parseAmount(text, deal.amount.currency)`.
   * `currency` is set when the text names one unambiguously (EUR, "€", "£"); refuse a
   * mismatch with the deal's currency rather than convert.
   */
  z.object({ type: z.literal('amount'), text: Text, currency: CurrencyCode.nullable() }),
  /** The words as typed ("next friday") and the calendar day they mean in the user's zone. */
  z.object({ type: z.literal('close'), text: Text, date: CalendarDate }),
  z.object({ type: z.literal('win') }),
  z.object({ type: z.literal('lose'), reason: Text, competitor: Text.nullable() }),
  z.object({ type: z.literal('note'), text: Text }),
]);
export type DealAction = z.infer<typeof DealAction>;
export type DealActionType = DealAction['type'];

export const PipelineScope = z.enum(['mine', 'team']);
export type PipelineScope = z.infer<typeof PipelineScope>;

export const Command = z.discriminatedUnion('kind', [
  /** Look customers, contacts and deals up by name, email or domain. */
  z.object({ kind: z.literal('find'), query: Text }),
  /** `query` finds the deal (by its title or its account's name); `action` says what to do. */
  z.object({ kind: z.literal('deal'), query: Text, action: DealAction }),
  /** `at` is already resolved in the user's zone; `dueText` is the words it came from. */
  z.object({
    kind: z.literal('remind'),
    at: z.date(),
    dueText: Text,
    what: Text,
    /** The customer the reminder is about, as typed; null when none was named. */
    about: Text.nullable(),
  }),
  z.object({ kind: z.literal('pipeline'), scope: PipelineScope }),
  /** null: the list of commands. */
  z.object({ kind: z.literal('help'), topic: CommandName.nullable() }),
]);
export type Command = z.infer<typeof Command>;

/** What parsing needs to know about the person typing: now, and their time zone. */
export type CommandContext = DueOptions;

/** Why a command could not be read, and what to type instead. A value, never thrown. */
export interface CommandError {
  /** The command it was meant to be, when the first word was one. */
  command: CommandName | null;
  /** What is wrong, in a sentence. */
  message: string;
  /** What was understood so far, e.g. "deal 'acme'"; empty when nothing was. */
  understood: string;
  /** What to type instead. */
  hint: string;
  /** The usage line(s) of the command, or of every command. */
  usage: string;
  /** Command names close to an unknown word, best first. */
  suggestions: CommandName[];
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: CommandError };
