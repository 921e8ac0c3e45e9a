import { getDate, getRecipients, getSender, getSnippet, getBodyText, type GmailMessage, type GmailPerson, type GmailThread } from '../gmail/gmail-driver.js';

/** What the features know of the open thread: plain values, read through the Gmail driver. */
export interface ThreadMessage {
  source: GmailMessage;
  gmailId: string | null;
  sender: GmailPerson | null;
  recipients: GmailPerson[];
  date: string | null;
  snippet(): string;
  body(): string;
}

export interface ThreadView {
  threadId: string;
  subject: string;
  messages: ThreadMessage[];
  /** Sender first (of the latest message not from the rep), then everyone else on the thread; never the rep. */
  people: GmailPerson[];
}

export function threadView(thread: GmailThread, myEmails: readonly string[]): ThreadView {
  const mine = new Set(myEmails.map((e) => e.toLowerCase()));
  const messages = thread.messages.map((m): ThreadMessage => ({
    source: m,
    gmailId: m.gmailId,
    sender: getSender(m),
    recipients: getRecipients(m),
    date: getDate(m),
    snippet: () => getSnippet(m, 240),
    body: () => getBodyText(m),
  }));
  const people = new Map<string, GmailPerson>();
  const add = (p: GmailPerson | null): void => {
    if (!p || mine.has(p.email)) return;
    const known = people.get(p.email);
    // Keep a real name over Gmail's "me" or a bare address.
    if (!known || known.name === known.email) people.set(p.email, p);
  };
  const latestOther = [...messages].reverse().find((m) => m.sender && !mine.has(m.sender.email));
  add(latestOther?.sender ?? null);
  for (const m of messages) {
    add(m.sender);
    m.recipients.forEach(add);
  }
  return { threadId: thread.threadId, subject: thread.subject, messages, people: [...people.values()] };
}

/** The message to log for a person: the latest one they sent, else the latest one. */
export function messageFor(view: ThreadView, email: string): ThreadMessage | null {
  const withId = view.messages.filter((m) => m.gmailId);
  return [...withId].reverse().find((m) => m.sender?.email === email && m.source.expanded) ?? [...withId].reverse().find((m) => m.source.expanded) ?? withId.at(-1) ?? null;
}
