import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';

/**
 * The one place that touches the browser's extension API (through webextension-polyfill, so
 * Chrome and Firefox behave alike). Nothing else imports it; background code reaches the
 * browser only through these functions, and never `window`.
 */

interface BrowserEvent<F extends (...args: never[]) => unknown> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** Registers a listener; it is removed when `signal` aborts. The one way listeners are added. */
export function listen<F extends (...args: never[]) => unknown>(event: BrowserEvent<F>, listener: F, signal?: AbortSignal): void {
  event.addListener(listener);
  signal?.addEventListener('abort', () => event.removeListener(listener), { once: true });
}

export const storage = {
  async get<T>(key: string): Promise<T | undefined> {
    const found = await browser.storage.local.get(key);
    return found[key] as T | undefined;
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.local.set({ [key]: value });
  },
  onChanged(listener: (key: string, value: unknown) => void, signal?: AbortSignal): void {
    listen(browser.storage.onChanged, ((changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes)) listener(key, change.newValue);
    }) as never, signal);
  },
};

export const runtime = {
  /** Sends a message to the background worker and resolves with its answer. */
  send(message: unknown): Promise<unknown> {
    return browser.runtime.sendMessage(message);
  },
  /** Answers messages from the extension's own pages and content scripts. */
  onMessage(handler: (message: unknown, fromExtension: boolean) => Promise<unknown>): void {
    const ownId = browser.runtime.id;
    listen(browser.runtime.onMessage, ((message: unknown, sender: Runtime.MessageSender) => handler(message, sender.id === ownId)) as never);
  },
  url(path: string): string {
    return browser.runtime.getURL(path);
  },
  onInstalledOrStartup(handler: () => void): void {
    listen(browser.runtime.onInstalled, handler as never);
    listen(browser.runtime.onStartup, handler as never);
  },
  openOptions(): Promise<void> {
    return browser.runtime.openOptionsPage();
  },
};

export const alarms = {
  /** A repeating alarm; Chrome runs it no more often than every 30 seconds. */
  every(name: string, minutes: number): Promise<void> {
    return browser.alarms.create(name, { periodInMinutes: minutes, delayInMinutes: minutes });
  },
  onAlarm(name: string, handler: () => void): void {
    listen(browser.alarms.onAlarm, ((alarm: { name: string }) => {
      if (alarm.name === name) handler();
    }) as never);
  },
};

export const notifications = {
  async show(id: string, title: string, message: string, buttons: string[]): Promise<void> {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title,
      message,
      // Firefox shows no buttons; the notification's click opens the popup's list there.
      ...(isFirefox() ? {} : { buttons: buttons.map((b) => ({ title: b })) }),
    } as never);
  },
  clear(id: string): Promise<boolean> {
    return browser.notifications.clear(id);
  },
  onButton(handler: (id: string, button: number) => void): void {
    const event = (browser.notifications as unknown as { onButtonClicked?: BrowserEvent<(id: string, button: number) => void> }).onButtonClicked;
    if (event) listen(event, handler);
  },
};

export const badge = {
  async set(count: number): Promise<void> {
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
    await action.setBadgeBackgroundColor({ color: '#d93025' });
  },
};

export const permissions = {
  /** Asks for access to one origin (the hub's), only that. Must run from a user gesture. */
  request(origin: string): Promise<boolean> {
    return browser.permissions.request({ origins: [`${origin}/*`] });
  },
  has(origin: string): Promise<boolean> {
    return browser.permissions.contains({ origins: [`${origin}/*`] });
  },
};

/** Calls `handler` when the browser comes back online. */
export function onOnline(handler: () => void): void {
  globalThis.addEventListener('online', handler);
}

export function isOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

function isFirefox(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}
