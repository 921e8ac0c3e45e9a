import type { CDPSession, Page } from 'playwright-core';

/**
 * Reaches into the Gmail card, which lives in a closed shadow root: the page (Gmail's scripts,
 * other extensions) cannot read it, and neither can playwright's locators. The tests read it
 * the way only the extension itself can: in the content script's own world (found through the
 * DevTools protocol), with `chrome.dom.openOrClosedShadowRoot`. The API mirrors the few
 * playwright locator calls the tests need; actions wait for their element like playwright's.
 */
export interface CardLocator {
  locator(selector: string): CardLocator;
  first(): CardLocator;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  /** The attribute on every match, in document order. */
  attributeOfAll(name: string): Promise<Array<string | null>>;
  inputValue(): Promise<string>;
  isDisabled(): Promise<boolean>;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  selectOption(value: string): Promise<void>;
}

type Op = 'count' | 'text' | 'attr' | 'attrs' | 'value' | 'disabled' | 'click' | 'fill' | 'select';
interface ProbeRequest {
  selector: string;
  first: boolean;
  op: Op;
  arg: string | null;
}

/** Runs in the content script's world. Plain JavaScript: it is sent as text. */
const PROBE = `(request) => {
  const host = document.getElementById('rapport-sidebar');
  const root = host ? chrome.dom.openOrClosedShadowRoot(host) : null;
  if (!root) return { found: false };
  let els = request.selector ? Array.from(root.querySelectorAll(request.selector)) : [root];
  if (request.first) els = els.slice(0, 1);
  if (request.op === 'count') return { found: true, value: els.length };
  if (request.op === 'attrs') return { found: true, value: els.map((el) => el.getAttribute(request.arg)) };
  const el = els[0];
  if (!el) return { found: false };
  switch (request.op) {
    case 'text': return { found: true, value: el.textContent };
    case 'attr': return { found: true, value: el.getAttribute(request.arg) };
    case 'value': return { found: true, value: el.value };
    case 'disabled': return { found: true, value: Boolean(el.disabled) };
    case 'click': el.click(); return { found: true, value: null };
    case 'fill':
    case 'select':
      el.value = request.arg;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return { found: true, value: null };
  }
}`;

interface ContentWorld {
  session: CDPSession;
  contextId: number | null;
  ready: Promise<void>;
}

const worlds = new WeakMap<Page, ContentWorld>();

/** The extension's content-script world in this page, followed across reloads. */
function worldOf(page: Page): ContentWorld {
  const known = worlds.get(page);
  if (known) return known;
  const world: ContentWorld = { session: null as unknown as CDPSession, contextId: null, ready: Promise.resolve() };
  world.ready = (async () => {
    world.session = await page.context().newCDPSession(page);
    world.session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) world.contextId = context.id;
    });
    world.session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      if (executionContextId === world.contextId) world.contextId = null;
    });
    world.session.on('Runtime.executionContextsCleared', () => {
      world.contextId = null;
    });
    await world.session.send('Runtime.enable');
  })();
  worlds.set(page, world);
  return world;
}

const WAIT_MS = 10_000;
const STEP_MS = 50;

async function probe(page: Page, request: ProbeRequest, wait: boolean): Promise<unknown> {
  const world = worldOf(page);
  await world.ready;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (world.contextId !== null) {
      const answer = await world.session
        .send('Runtime.evaluate', { contextId: world.contextId, expression: `(${PROBE})(${JSON.stringify(request)})`, returnByValue: true })
        .catch(() => null);
      const result = answer?.result.value as { found: boolean; value?: unknown } | undefined;
      if (result?.found) return result.value;
      if (result && !wait) return request.op === 'count' ? 0 : null;
    }
    if (Date.now() > deadline) throw new Error(`The Rapport card has no ${request.selector || 'root'} (waited ${WAIT_MS} ms to ${request.op}).`);
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}

function cardLocator(page: Page, selector: string, first: boolean): CardLocator {
  const run = (op: Op, arg: string | null = null, wait = true) => probe(page, { selector, first, op, arg }, wait);
  return {
    locator: (inner) => cardLocator(page, selector ? `${selector} ${inner}` : inner, false),
    first: () => cardLocator(page, selector, true),
    count: async () => (await run('count', null, false)) as number,
    textContent: async () => (await run('text')) as string | null,
    getAttribute: async (name) => (await run('attr', name)) as string | null,
    attributeOfAll: async (name) => ((await run('attrs', name, false)) ?? []) as Array<string | null>,
    inputValue: async () => String(await run('value')),
    isDisabled: async () => (await run('disabled')) as boolean,
    click: async () => void (await run('click')),
    fill: async (value) => void (await run('fill', value)),
    selectOption: async (value) => void (await run('select', value)),
  };
}

/** The sidebar's contents (inside its closed shadow root), as the extension sees them. */
export function insideSidebar(page: Page): CardLocator {
  return cardLocator(page, '', false);
}
