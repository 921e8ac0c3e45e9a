import { SELECTORS } from './gmail-selectors.js';

/**
 * All of the extension's knowledge of Gmail's page, as one getter per concept. Features see
 * these typed views, never selectors. Layout variants (conversation view on and off, the
 * reading pane, several expanded messages) are handled here.
 */

export interface GmailPerson {
  name: string;
  email: string;
}

export interface GmailMessage {
  element: HTMLElement;
  /** Gmail's own id: the legacy hex id ("18e3b2…"), from the DOM. */
  gmailId: string | null;
  /** Gmail's permanent message id ("msg-f:1792…"), which "show original" takes. */
  permId: string | null;
  expanded: boolean;
}

export interface GmailThread {
  element: HTMLElement;
  /** Gmail's thread id (legacy hex), or the subject when Gmail gives none. */
  threadId: string;
  subject: string;
  messages: GmailMessage[];
}

const attr = (el: Element | null, name: string): string | null => {
  const value = el?.getAttribute(name)?.trim();
  return value ? value : null;
};

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const person = (el: Element): GmailPerson | null => {
  const email = attr(el, 'email');
  if (!email || !email.includes('@')) return null;
  return { email: email.toLowerCase(), name: attr(el, 'name') ?? (text(el) || email) };
};

/** The main pane Gmail renders views in, once it exists: the one shown, when Gmail holds several. */
export function getMainPane(doc: Document): HTMLElement | null {
  const panes = Array.from(doc.querySelectorAll<HTMLElement>(SELECTORS.main));
  return panes.find(isShown) ?? null;
}

/** The open thread: in the full view, the reading pane, or a single message with conversation view off. */
export function getOpenThread(root: ParentNode): GmailThread | null {
  const subjects = Array.from(root.querySelectorAll<HTMLElement>(SELECTORS.subject)).filter(isShown);
  const heading = subjects[0];
  if (!heading) return null;
  const element = threadContainer(heading);
  return {
    element,
    threadId: attr(heading, 'data-legacy-thread-id') ?? attr(heading, 'data-thread-perm-id') ?? text(heading),
    subject: getSubject(heading),
    messages: getMessages(element),
  };
}

/** The nearest ancestor of the subject that also holds the messages. */
function threadContainer(heading: HTMLElement): HTMLElement {
  let node: HTMLElement | null = heading.parentElement;
  while (node && !node.querySelector(SELECTORS.anyMessage)) node = node.parentElement;
  return node ?? heading.parentElement ?? heading;
}

/** Hidden views (Gmail keeps earlier ones in the page) are skipped. */
function isShown(el: HTMLElement): boolean {
  return !el.closest('[hidden], [style*="display: none"], [aria-hidden="true"]');
}

export function getSubject(heading: Element): string {
  return text(heading);
}

/** Messages in thread order: collapsed ones and expanded ones. */
export function getMessages(thread: ParentNode): GmailMessage[] {
  return Array.from(thread.querySelectorAll<HTMLElement>(SELECTORS.anyMessage))
    .filter((el) => !el.parentElement?.closest(SELECTORS.anyMessage))
    .map((element) => {
      const expanded = element.matches(SELECTORS.expandedMessage);
      const perm = attr(element, 'data-message-id')?.replace(/^#/, '') ?? null;
      return { element, expanded, gmailId: attr(element, 'data-legacy-message-id') ?? legacyFromPerm(perm), permId: perm ?? permFromLegacy(attr(element, 'data-legacy-message-id')) };
    });
}

function legacyFromPerm(perm: string | null): string | null {
  const decimal = perm?.match(/^msg-[a-z]:(\d+)$/)?.[1];
  return decimal ? BigInt(decimal).toString(16) : null;
}

function permFromLegacy(legacy: string | null): string | null {
  return legacy && /^[0-9a-f]+$/i.test(legacy) ? `msg-f:${BigInt(`0x${legacy}`).toString(10)}` : null;
}

export function getSender(message: GmailMessage): GmailPerson | null {
  const el = message.element.querySelector(message.expanded ? SELECTORS.sender : SELECTORS.collapsedSender);
  return el ? person(el) : null;
}

/** To and Cc of an expanded message (a collapsed one shows none). */
export function getRecipients(message: GmailMessage): GmailPerson[] {
  if (!message.expanded) return [];
  const seen = new Set<string>();
  const out: GmailPerson[] = [];
  for (const el of Array.from(message.element.querySelectorAll(SELECTORS.recipient))) {
    const p = person(el);
    if (p && !seen.has(p.email)) {
      seen.add(p.email);
      out.push(p);
    }
  }
  return out;
}

/** When the message was sent, from the date's tooltip ("Mon, Mar 2, 2026, 9:14 AM"); null when unreadable. */
export function getDate(message: GmailMessage): string | null {
  const title = attr(message.element.querySelector(SELECTORS.date), 'title');
  if (!title) return null;
  const parsed = Date.parse(title.replace(/\s+at\s+/, ' ').replace(/\u202f/g, ' '));
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'TR', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'TABLE']);

/** The text a person reads: line breaks where Gmail shows them, no script or style contents. */
function readableText(root: Element | null): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName;
      if (tag === 'BR') parts.push('\n');
      else if (tag !== 'SCRIPT' && tag !== 'STYLE') {
        walk(child);
        if (BLOCKS.has(tag)) parts.push('\n');
      }
    }
  };
  if (root) walk(root);
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*\n+/g, '\n\n').trim();
}

/** The first characters of the message's text, whitespace collapsed; never markup. */
export function getSnippet(message: GmailMessage, maxChars = 200): string {
  const body = readableText(message.element.querySelector(SELECTORS.body)).replace(/\s+/g, ' ');
  return body.length > maxChars ? `${body.slice(0, maxChars - 1)}…` : body;
}

/** The whole text of the message, for when the rep chooses to log the body. */
export function getBodyText(message: GmailMessage): string {
  return readableText(message.element.querySelector(SELECTORS.body));
}

/** The signed-in account's address: the account button's label, else the page title. */
export function getAccountEmail(doc: Document): string | null {
  const label = attr(doc.querySelector(SELECTORS.accountButton), 'aria-label');
  const fromLabel = label?.match(/[^\s()<>]+@[^\s()<>]+/)?.[0];
  if (fromLabel) return fromLabel.toLowerCase();
  const fromTitle = doc.title.match(/[^\s()<>]+@[^\s()<>]+\.[a-z]{2,}/i)?.[0];
  return fromTitle ? fromTitle.toLowerCase() : null;
}

/** The account number in Gmail's address (/mail/u/1/ → "1"), for Gmail's own URLs. */
export function getAccountIndex(location: Location): string {
  return location.pathname.match(/\/mail\/u\/(\d+)/)?.[1] ?? '0';
}

/** The page key Gmail puts in its own URLs (`ik`), from the GLOBALS it publishes in the page; null when absent. */
export function getPageKey(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll(SELECTORS.inlineScript))) {
    const globals = script.textContent?.match(/\bGLOBALS\s*=\s*(\[[\s\S]*?\]);/)?.[1];
    if (!globals) continue;
    try {
      const key = (JSON.parse(globals) as unknown[])[9];
      if (typeof key === 'string' && /^[0-9a-z]{4,32}$/i.test(key)) return key;
    } catch {
      // Not plain JSON: Gmail changed its page; fall through to "unknown".
    }
  }
  return null;
}

/**
 * The address of a message's "Show original" view, as Gmail offers it: the message's own link
 * when the page has one, else Gmail's URL with its page key (`ik`); null without a message id.
 */
export function getShowOriginalUrl(message: GmailMessage, doc: Document, location: Location): string | null {
  const offered = attr(message.element.querySelector(SELECTORS.showOriginalLink), 'href');
  if (offered) return new URL(offered, location.href ?? location.origin).href;
  if (!message.permId) return null;
  const key = getPageKey(doc);
  return `${location.origin}/mail/u/${getAccountIndex(location)}/?${key ? `ik=${encodeURIComponent(key)}&` : ''}view=om&permmsgid=${encodeURIComponent(message.permId)}`;
}
