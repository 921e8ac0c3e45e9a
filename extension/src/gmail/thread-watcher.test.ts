// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import conversationOn from './fixtures/conversation-on.html?raw';
import type { GmailThread } from './gmail-driver.js';
import { messageIdFromRaw, resolveMessageId } from './rfc-message-id.js';
import { watchThreads } from './thread-watcher.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('watchThreads', () => {
  const stop = new AbortController();
  afterEach(() => stop.abort());

  it('reports a thread when Gmail renders one into its main pane, and none when it goes', async () => {
    const source = new DOMParser().parseFromString(conversationOn, 'text/html');
    document.body.replaceChildren();
    const seen: Array<string | null> = [];
    watchThreads(document, stop.signal, (thread: GmailThread | null) => seen.push(thread?.subject ?? null));
    await settle();
    // Gmail builds its app after load: the main pane arrives later, then the thread inside it.
    const app = document.createElement('div');
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    app.append(main);
    document.body.append(app);
    await settle();
    const thread = document.importNode(source.querySelector('div.nH.if') as Element, true);
    main.append(thread);
    await settle();
    thread.remove();
    await settle();
    expect(seen).toEqual([null, 'Renewal for 2027 — pricing & terms', null]);
  });
});

describe('Message-ID', () => {
  it('reads the Message-ID header from "Show original", HTML-escaped or raw, folded or not', () => {
    expect(messageIdFromRaw('<html><pre class="raw_message_text" id="raw_message_text">From: a@b.example\nMessage-ID: &lt;CAF+x.1@mail.example&gt;\n\nBody mentioning Message-ID: &lt;no@no&gt;</pre>')).toBe('<CAF+x.1@mail.example>');
    expect(messageIdFromRaw('Subject: hi\r\nMessage-Id:\r\n <folded@host.example>\r\n\r\nbody')).toBe('<folded@host.example>');
    expect(messageIdFromRaw('Subject: no id\n\nMessage-ID: <in-body@x>')).toBeNull();
  });

  it('falls back to Gmail\'s own id, marked as such, when "Show original" cannot be read', async () => {
    const message = { element: document.createElement('div'), gmailId: '18ff0a1b2c3d4e43', permId: 'msg-f:1801234567890123459', expanded: true };
    const where = { origin: 'https://mail.google.com', pathname: '/mail/u/1/' } as Location;
    const asked: string[] = [];
    const offline = (async (url: string) => {
      asked.push(url);
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await resolveMessageId(message, document, where, offline)).toBe('gmail:18ff0a1b2c3d4e43');
    expect(asked).toEqual(['https://mail.google.com/mail/u/1/?view=om&permmsgid=msg-f%3A1801234567890123459']);
    const online = (async () => new Response('Message-ID: <real@acme.example>\n\nhi')) as unknown as typeof fetch;
    expect(await resolveMessageId(message, document, where, online)).toBe('<real@acme.example>');
  });
});
