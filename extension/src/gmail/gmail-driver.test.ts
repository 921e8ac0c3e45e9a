// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { getAccountEmail, getAccountIndex, getDate, getMainPane, getMessages, getOpenThread, getPageKey, getRecipients, getSender, getShowOriginalUrl, getSnippet, type GmailThread } from './gmail-driver.js';

import conversationOff from './fixtures/conversation-off.html?raw';
import conversationOn from './fixtures/conversation-on.html?raw';
import readingPane from './fixtures/reading-pane.html?raw';
import severalExpanded from './fixtures/several-expanded.html?raw';
import severalViews from './fixtures/several-views.html?raw';

const FIXTURES = { 'conversation-on': conversationOn, 'conversation-off': conversationOff, 'reading-pane': readingPane, 'several-expanded': severalExpanded, 'several-views': severalViews };
const load = (name: keyof typeof FIXTURES): Document => new DOMParser().parseFromString(FIXTURES[name], 'text/html');
const thread = (name: keyof typeof FIXTURES): GmailThread => {
  const doc = load(name);
  const found = getOpenThread(getMainPane(doc) as HTMLElement);
  if (!found) throw new Error(`no thread in ${name}`);
  return found;
};

describe('Gmail driver', () => {
  it('finds the open thread, its subject and every message in order (conversation view on)', () => {
    const t = thread('conversation-on');
    expect(t.subject).toBe('Renewal for 2027 — pricing & terms');
    expect(t.threadId).toBe('18ff0a1b2c3d4e40');
    expect(t.messages.map((m) => [m.gmailId, m.expanded])).toEqual([
      ['18ff0a1b2c3d4e41', false],
      ['18ff0a1b2c3d4e42', false],
      ['18ff0a1b2c3d4e43', true],
    ]);
  });

  it('reads each message\'s sender, from expanded and collapsed messages, in lower case', () => {
    const senders = thread('conversation-on').messages.map(getSender);
    expect(senders).toEqual([
      { email: 'zoe@acme.example', name: 'Zoë Ångström' },
      { email: 'ann@rapport.test', name: 'me' },
      { email: 'zoe@acme.example', name: 'Zoë Ångström' },
    ]);
  });

  it('reads To and Cc of an expanded message, names in any script', () => {
    const last = thread('conversation-on').messages[2]!;
    expect(getRecipients(last)).toEqual([
      { email: 'ann@rapport.test', name: 'me' },
      { email: 'wang.wei@acme.example', name: '王伟' },
    ]);
    expect(getRecipients(thread('several-expanded').messages[0]!).map((p) => p.email)).toEqual(['priya@initech.example', 'tom@initech.example', 'raj@rapport.test']);
  });

  it('reads the date from the tooltip, and null when there is none', () => {
    const [first, , last] = thread('conversation-on').messages;
    expect(getDate(last!)).toBe(new Date('2026-11-20T11:15:00').toISOString());
    expect(getDate(first!)).toBe(new Date('2026-11-16T09:02:00').toISOString());
    expect(getDate({ ...last!, element: document.createElement('div') })).toBeNull();
  });

  it('gives Gmail\'s message ids both ways: hex legacy id and permanent id', () => {
    const [only] = thread('conversation-off').messages;
    expect(only).toMatchObject({ permId: 'msg-f:1801234567890200001', gmailId: BigInt('1801234567890200001').toString(16), expanded: true });
    const [, , withBoth] = thread('conversation-on').messages;
    expect(withBoth).toMatchObject({ permId: 'msg-f:1801234567890123459', gmailId: '18ff0a1b2c3d4e43' });
    const collapsed = thread('conversation-on').messages[0]!;
    expect(collapsed.permId).toBe(`msg-f:${BigInt('0x18ff0a1b2c3d4e41').toString(10)}`);
  });

  it('takes the visible thread in the reading pane, not a hidden earlier view', () => {
    const t = thread('reading-pane');
    expect(t.subject).toBe('Question about your pricing');
    expect(t.messages.map((m) => getSender(m)?.email)).toEqual(['li.na@163.com']);
  });

  it('reads every expanded message when several are open', () => {
    const t = thread('several-expanded');
    expect(t.messages.map((m) => getSender(m)?.name)).toEqual(['Ann Lee', 'Tom Smith', 'Priya Raman']);
    expect(t.messages.every((m) => m.expanded)).toBe(true);
  });

  it('keeps a snippet as plain text, short, markup never parsed', () => {
    const last = thread('conversation-on').messages[2]!;
    const snippet = getSnippet(last, 80);
    expect(snippet).toMatch(/^Hi Ann, We are ready to sign the renewal/);
    expect(snippet.length).toBeLessThanOrEqual(80);
    expect(getSnippet(last, 500)).toContain('<img src=x onerror=alert(1)>');
    expect(last.element.querySelector('img')).toBeNull();
  });

  it('knows the signed-in account from the account button or the title', () => {
    expect(getAccountEmail(load('reading-pane'))).toBe('ann@rapport.test');
    const bare = load('conversation-off');
    bare.querySelector('a.acct')?.remove();
    expect(getAccountEmail(bare)).toBe('ann@rapport.test');
    expect(getAccountIndex({ pathname: '/mail/u/2/' } as Location)).toBe('2');
  });

  it('finds no thread in a page without one', () => {
    const doc = load('conversation-on');
    doc.querySelector('h2.hP')?.remove();
    expect(getOpenThread(getMainPane(doc) as HTMLElement)).toBeNull();
    expect(getMessages(doc.createElement('div'))).toEqual([]);
  });

  it('reads the view Gmail shows when it holds several main panes', () => {
    const doc = load('several-views');
    expect(doc.querySelectorAll('div[role="main"]')).toHaveLength(2);
    expect(thread('several-views').subject).toBe('Renewal for 2027 — pricing & terms');
  });

  it('finds no main pane while every view is hidden', () => {
    const doc = load('several-views');
    for (const pane of Array.from(doc.querySelectorAll<HTMLElement>('div[role="main"]'))) pane.hidden = true;
    expect(getMainPane(doc)).toBeNull();
  });

  it('opens "Show original" with Gmail\'s page key, or by the link a message offers', () => {
    const where = { origin: 'https://mail.google.com', pathname: '/mail/u/1/', href: 'https://mail.google.com/mail/u/1/#inbox/x' } as Location;
    const doc = load('conversation-on');
    expect(getPageKey(doc)).toBe('5d2b1c9e8f');
    const latest = thread('conversation-on').messages.at(-1);
    if (!latest) throw new Error('no message');
    expect(getShowOriginalUrl(latest, doc, where)).toBe('https://mail.google.com/mail/u/1/?ik=5d2b1c9e8f&view=om&permmsgid=msg-f%3A1801234567890123459');
    const offered = doc.createElement('a');
    offered.href = '?ik=5d2b1c9e8f&view=om&permmsgid=msg-f:42';
    latest.element.append(offered);
    expect(getShowOriginalUrl(latest, doc, where)).toBe('https://mail.google.com/mail/u/1/?ik=5d2b1c9e8f&view=om&permmsgid=msg-f:42');
    expect(getPageKey(load('conversation-off'))).toBeNull();
  });
});
