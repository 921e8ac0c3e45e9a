import { getMainPane, getOpenThread, type GmailThread } from './gmail-driver.js';

/** What identifies what is on screen: the thread and which of its messages are expanded. */
const fingerprint = (thread: GmailThread | null): string =>
  thread ? `${thread.threadId}|${thread.messages.map((m) => `${m.gmailId ?? '?'}${m.expanded ? '+' : '-'}`).join(',')}` : '';

/**
 * Calls `onChange` when a thread opens, closes or changes (a message expanded), and once at
 * start. Only Gmail's main pane is observed: until it exists, only the body's direct children
 * are (Gmail adds its app container there), and navigation is followed through `hashchange`.
 * Everything stops when `signal` aborts.
 */
export function watchThreads(doc: Document, signal: AbortSignal, onChange: (thread: GmailThread | null) => void): void {
  let last: string | null = null;
  let scheduled = false;
  const check = (): void => {
    scheduled = false;
    const main = getMainPane(doc);
    const thread = main ? getOpenThread(main) : null;
    const next = fingerprint(thread);
    if (next === last) return;
    last = next;
    onChange(thread);
  };
  const schedule = (): void => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    queueMicrotask(check);
  };

  let observed: Element | null = null;
  const paneObserver = new MutationObserver(schedule);
  const attach = (): boolean => {
    const main = getMainPane(doc);
    const container = main?.parentElement ?? main;
    if (!container || container === observed) return container !== null;
    paneObserver.disconnect();
    paneObserver.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-message-id', 'data-legacy-message-id', 'class', 'style', 'hidden'] });
    observed = container;
    return true;
  };

  // Gmail builds its page after load: watch the body's children (not its subtree) until the pane is there.
  const bodyObserver = new MutationObserver(() => {
    if (attach()) schedule();
  });
  if (!attach()) bodyObserver.observe(doc.body, { childList: true });
  const onHash = (): void => {
    attach();
    schedule();
  };
  doc.defaultView?.addEventListener('hashchange', onHash, { signal });
  signal.addEventListener('abort', () => {
    paneObserver.disconnect();
    bodyObserver.disconnect();
  });
  schedule();
}
