import type { LookupMatch } from '../lookup/lookup.service.js';
import type { Actor } from '../services/context.js';
import type { Command } from './command.schema.js';
import type { CommandDeps, LinkedCustomer, RemindOutcome, RunContext } from './command-outcome.js';
import { localDateTime, quoted, weekdayDateTime } from './outcome-text.js';

type RemindCommand = Extract<Command, { kind: 'remind' }>;

function linkOf(match: LookupMatch): LinkedCustomer {
  if (match.kind === 'account') {
    return { kind: 'account', id: match.account.id, name: match.account.name, accountId: match.account.id, accountName: match.account.name };
  }
  return { kind: 'contact', id: match.contact.id, name: match.contact.name, accountId: match.account?.id ?? null, accountName: match.account?.name ?? null };
}

/** The customer a reminder is about: the top lookup match for the words after "about", or null. */
async function findCustomer(deps: CommandDeps, actor: Actor, about: string): Promise<LinkedCustomer | null> {
  const [top] = await deps.services.lookup.lookup(actor, about, { limit: 1 });
  return top ? linkOf(top) : null;
}

/**
 * Runs `remind <when> <what> [about <customer>]`: a reminder for the person typing, due at the
 * time the parser already read in their zone. A customer that matches nothing does not stop
 * the reminder: it is saved without a link and the summary says so.
 */
export async function runRemind(deps: CommandDeps, actor: Actor, command: RemindCommand, context: RunContext): Promise<RemindOutcome> {
  const linked = command.about === null ? null : await findCustomer(deps, actor, command.about);
  const reminder = await deps.services.reminders.create(actor, {
    title: command.what,
    dueAt: command.at.toISOString(),
    contactId: linked?.kind === 'contact' ? linked.id : null,
    accountId: linked?.accountId ?? null,
  });
  const when = `${weekdayDateTime(command.at, context.timeZone)} (${context.timeZone})`;
  let summary = `Reminder set for ${when}: ${reminder.title}.`;
  if (linked) {
    const who = linked.kind === 'contact' && linked.accountName ? `${linked.name} (${linked.accountName})` : linked.name;
    summary = `Reminder set for ${when}: ${reminder.title} — about ${who}.`;
  } else if (command.about !== null) {
    summary = `No customer called ${quoted(command.about)} — reminder set without a link, for ${when}: ${reminder.title}.`;
  }
  return {
    kind: 'remind',
    reminder,
    dueText: command.dueText,
    dueLocal: localDateTime(command.at, context.timeZone),
    timeZone: context.timeZone,
    about: command.about,
    linked,
    summary,
  };
}
