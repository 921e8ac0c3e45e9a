import { mkdirSync } from 'node:fs';
import type { Deal } from '@rapport/core';
import { createTestHub, type TestHub } from '@rapport/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, linkTo, type ExtensionBrowser, type HubLink } from '../support/extension-browser.js';
import { insideSidebar } from '../support/sidebar-probe.js';

/**
 * The built extension in Debian's Chromium against a real hub: Gmail is answered from saved
 * Gmail-shaped pages (the test says so: mail.google.com is not reachable here), the hub is the
 * real one, reached through a link the test can cut to play "offline". The card sits in a
 * closed shadow root, so the tests read it through the content script's own world
 * (`insideSidebar`), as nothing on the page can.
 */

const SHOTS = 'test-results/extension';
const RENEWAL_MESSAGE_ID = '<CAF+renewal-2027.7f3a@mail.acme.example>';

// A browser on a busy two-core machine: each step may wait its turn, so a test gets a minute.
describe('Gmail extension against a hub', { timeout: 60_000 }, () => {
  let test: TestHub;
  let link: HubLink;
  let browser: ExtensionBrowser;
  let deal: Deal;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    test = await createTestHub({ config: { port: 0, host: '127.0.0.1' } });
    const { url } = await test.hub.listen();
    link = await linkTo(url);
    const ann = { user: await findUser(test, test.ids.ann), surface: 'api' as const };
    const acme = await test.hub.services.accounts.create(ann, { name: 'Acme Corp', domains: ['acme.example'], industry: 'Manufacturing' });
    const zoe = await test.hub.services.contacts.create(ann, { name: 'Zoë Ångström', emails: ['zoe@acme.example'], accountId: acme.id, title: 'Head of Operations' });
    deal = await test.hub.services.deals.create(ann, { title: 'Acme renewal 2027', accountId: acme.id, primaryContactId: zoe.id, amount: { minor: 4_800_000, currency: 'EUR' }, stageId: 'proposal', expectedCloseDate: '2026-12-15' });
    await test.hub.services.activities.log(ann, { type: 'call', subject: 'Pricing call with Zoë', contactId: zoe.id });
    await test.hub.services.reminders.create(ann, { title: 'Send the 3-year quote', due: 'in 2 days', contactId: zoe.id });
    await test.hub.services.contacts.create(ann, { name: '王芳', emails: ['wang.fang@acme.example'], accountId: acme.id, title: 'Procurement' });

    browser = await launchExtension();
    browser.originals.set('msg-f:1801234567890123459', `Delivered-To: ann@rapport.test\nMessage-ID: ${RENEWAL_MESSAGE_ID}\nSubject: Renewal for 2027\nFrom: Zoë <zoe@acme.example>\n\nHi Ann`);
    const options = await browser.extensionPage('options.html');
    await options.check('#mode-hub');
    await options.fill('#hubUrl', link.url);
    await options.fill('#token', test.tokens.ann);
    await options.fill('#neverLog', 'payroll.example');
    await options.click('#save');
    await options.locator('#message', { hasText: 'Saved' }).waitFor({ timeout: 15_000 });
    await options.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await link?.close();
    await test?.hub.close();
  });

  const dealNow = async (): Promise<Deal> => {
    const found = await test.hub.store.read((uow) => uow.deals.get(deal.id));
    if (!found) throw new Error('the deal is gone');
    return found;
  };
  const sidebar = (page: Page) => page.locator('#rapport-sidebar');
  const card = (page: Page, email: string) => insideSidebar(page).locator(`section.card[data-email="${email}"]`);
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, clip: { x: 1280 - 340, y: 0, width: 340, height: 800 } });

  it('shows the sender\'s card beside the thread, then the other participants, never the rep', async () => {
    const page = await browser.gmail('conversation-on');
    const zoe = card(page, 'zoe@acme.example');
    await expect.poll(() => zoe.locator('.name').textContent(), { timeout: 15_000 }).toContain('Zoë Ångström');
    await expect.poll(() => sidebar(page).getAttribute('data-ready')).toBe('true');
    expect(await zoe.textContent()).toContain('Head of Operations · Acme Corp');
    expect(await zoe.locator('[data-deal]').textContent()).toMatch(/Acme renewal 2027.*Proposal.*closes Dec 15/s);
    expect(await zoe.locator('[data-section="reminders"]').textContent()).toContain('Send the 3-year quote');
    expect(await zoe.locator('[data-section="recent-activity"]').textContent()).toContain('Pricing call with Zoë');
    const emails = await insideSidebar(page).locator('section.card').attributeOfAll('data-email');
    expect(emails).toEqual(['zoe@acme.example', 'wang.wei@acme.example']);
    expect(await card(page, 'wang.wei@acme.example').textContent()).toContain('works at Acme Corp');
    await shot(page, 'sidebar-card');
    await page.close();
  });

  it('keeps the card out of reach of the page\'s own scripts (a closed shadow root)', async () => {
    const page = await browser.gmail('conversation-on');
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-deal]').count(), { timeout: 15_000 }).toBe(1);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('#rapport-sidebar');
      return { shadowRoot: host?.shadowRoot ?? null, cards: document.querySelectorAll('section.card').length, text: host?.textContent ?? '', html: document.documentElement.outerHTML };
    });
    expect(seen.shadowRoot).toBeNull();
    expect(seen.cards).toBe(0);
    expect(seen.text).not.toContain('Acme renewal 2027');
    expect(seen.html).not.toContain('Acme renewal 2027');
    expect(await card(page, 'zoe@acme.example').locator('[data-deal]').textContent()).toContain('Acme renewal 2027');
    await page.close();
  });

  it('says a participant on the never-log list is never logged, instead of looking them up forever', async () => {
    const options = await browser.extensionPage('options.html');
    const send = (message: unknown) => options.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message);
    await send({ type: 'settings.save', settings: { neverLog: ['payroll.example', 'wang.wei@acme.example'] } });
    const page = await browser.gmail('conversation-on');
    const wang = card(page, 'wang.wei@acme.example');
    await expect.poll(() => wang.locator('[data-part="never-logged"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await wang.textContent()).toContain('this address is on your never-log list');
    expect(await wang.textContent()).not.toContain('Looking up');
    expect(await wang.locator('[data-action="log-email"]').count()).toBe(0);
    await send({ type: 'settings.save', settings: { neverLog: ['payroll.example'] } });
    await page.close();
    await options.close();
  });

  it('logs the email once, by its Message-ID, and shows it as logged when the thread opens again', async () => {
    const page = await browser.gmail('conversation-on');
    const zoe = card(page, 'zoe@acme.example');
    await zoe.locator('[data-action="log-email"]').click();
    await expect.poll(() => zoe.locator('[data-state="logged"]').count(), { timeout: 10_000 }).toBe(1);
    await page.reload();
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-state="logged"]').count(), { timeout: 10_000 }).toBe(1);
    // The same email logged again (another browser, the mark forgotten): the hub keeps one activity.
    await browser.worker.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport-sync');
        open.onsuccess = () => {
          const tx = open.result.transaction('marks', 'readwrite');
          tx.objectStore('marks').clear();
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      });
    });
    await page.reload();
    await card(page, 'zoe@acme.example').locator('[data-action="log-email"]').click();
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-state="logged"]').count(), { timeout: 10_000 }).toBe(1);
    const activities = await (await test.request('ann', 'GET', `/api/v1/activities?externalId=${encodeURIComponent(RENEWAL_MESSAGE_ID)}`)).json();
    expect(activities.items).toHaveLength(1);
    expect(activities.items[0]).toMatchObject({ type: 'email', subject: 'Renewal for 2027 — pricing & terms', surface: 'gmail' });
    expect(activities.items[0].participants).toEqual(['zoe@acme.example', 'ann@rapport.test', 'wang.wei@acme.example']);
    expect(activities.items[0].body).toContain('<img src=x onerror=alert(1)>');
    expect(activities.items[0].body.length).toBeLessThanOrEqual(240);
    // "Show original" was asked for as Gmail offers it, with the page key Gmail publishes.
    expect(browser.originalRequests.some((url) => url.includes('ik=5d2b1c9e8f') && url.includes('view=om'))).toBe(true);
    await page.close();
  });

  it('creates a contact for an unknown sender at a free-mail address, with no company', async () => {
    const page = await browser.gmail('reading-pane');
    const li = card(page, 'li.na@163.com');
    await expect.poll(() => li.locator('form[data-form="create-contact"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await li.locator('input[name="name"]').inputValue()).toBe('李娜');
    expect(await li.locator('input[name="company"]').isDisabled()).toBe(true);
    await shot(page, 'sidebar-unknown');
    await li.locator('form[data-form="create-contact"] button[type="submit"]').click();
    await expect.poll(() => card(page, 'li.na@163.com').locator('form[data-form="create-contact"]').count(), { timeout: 10_000 }).toBe(0);
    const found = await (await test.request('ann', 'GET', '/api/v1/cards?email=li.na%40163.com')).json();
    expect(found.contact).toMatchObject({ name: '李娜', accountId: null, emails: ['li.na@163.com'] });
    await page.close();
  });

  it('moves a deal to another stage in place, and reports a stale version without overwriting', async () => {
    const page = await browser.gmail('conversation-on');
    const zoe = card(page, 'zoe@acme.example');
    await expect.poll(() => sidebar(page).getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await zoe.locator('[data-action="update-deal"]').click();
    await zoe.locator('form[data-form="deal"] select[name="stage"]').selectOption('negotiation');
    await shot(page, 'sidebar-deal-edit');
    await zoe.locator('form[data-form="deal"] [data-action="save"]').click();
    await expect.poll(async () => (await dealNow()).stageId, { timeout: 10_000 }).toBe('negotiation');
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-part="stage"]').textContent()).toBe('Negotiation');

    // Someone else changes the amount while this card is on screen.
    await card(page, 'zoe@acme.example').locator('[data-action="update-deal"]').click();
    const current = await dealNow();
    const mia = { user: await findUser(test, test.ids.mia), surface: 'api' as const };
    await test.hub.services.deals.update(mia, deal.id, { amount: { minor: 5_100_000, currency: 'EUR' } }, { expectedVersion: current.version });
    await card(page, 'zoe@acme.example').locator('form[data-form="deal"] input[name="amount"]').fill('45000');
    await card(page, 'zoe@acme.example').locator('form[data-form="deal"] [data-action="save"]').click();
    await expect.poll(() => insideSidebar(page).locator('.toast.error').textContent(), { timeout: 10_000 }).toMatch(/changed by someone else/);
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-deal] .amount').textContent()).toContain('51,000');
    expect((await dealNow()).amount.minor).toBe(5_100_000);
    await page.close();
  });

  it('saves every field changed in one Save: the stage and the amount', async () => {
    const page = await browser.gmail('conversation-on');
    await expect.poll(() => sidebar(page).getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    const zoe = card(page, 'zoe@acme.example');
    await zoe.locator('[data-action="update-deal"]').click();
    await zoe.locator('form[data-form="deal"] select[name="stage"]').selectOption('proposal');
    await zoe.locator('form[data-form="deal"] input[name="amount"]').fill('47500');
    await zoe.locator('form[data-form="deal"] [data-action="save"]').click();
    await expect.poll(async () => {
      const now = await dealNow();
      return [now.stageId, now.amount.minor];
    }, { timeout: 10_000 }).toEqual(['proposal', 4_750_000]);
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-deal] .amount').textContent()).toContain('47,500');
    expect(await card(page, 'zoe@acme.example').locator('[data-part="stage"]').textContent()).toBe('Proposal');
    await page.close();
  });

  it('sets a reminder about the customer from a preset', async () => {
    const page = await browser.gmail('conversation-on');
    const zoe = card(page, 'zoe@acme.example');
    await zoe.locator('[data-action="remind-me"]').click();
    await zoe.locator('form[data-form="remind"] [data-due="tomorrow 9am"]').click();
    await expect.poll(async () => (await (await test.request('ann', 'GET', '/api/v1/reminders')).json()).items.map((r: { title: string }) => r.title), { timeout: 10_000 }).toContain('Follow up with Zoë Ångström');
    const reminders = (await (await test.request('ann', 'GET', '/api/v1/reminders')).json()).items as Array<{ title: string; dueAt: string; contactId: string }>;
    const set = reminders.find((r) => r.title === 'Follow up with Zoë Ångström');
    // 9:00 in Ann's zone (Europe/Berlin): 08:00 or 07:00 UTC.
    expect(set?.dueAt).toMatch(/T0[78]:00:00\.000Z$/);
    await page.close();
  });

  it('keeps a change made offline in the outbox and sends it when the hub is back', async () => {
    const page = await browser.gmail('conversation-on');
    await expect.poll(() => sidebar(page).getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await link.offline();
    const zoe = card(page, 'zoe@acme.example');
    await zoe.locator('[data-action="update-deal"]').click();
    await zoe.locator('form[data-form="deal"] input[name="close"]').fill('2027-01-31');
    await zoe.locator('form[data-form="deal"] [data-action="save"]').click();
    await expect.poll(() => insideSidebar(page).locator('.chip').textContent(), { timeout: 15_000 }).toContain('1 waiting');
    expect((await dealNow()).expectedCloseDate).toBe('2026-12-15');
    // The cached card shows the change at once, even offline.
    await page.reload();
    await expect.poll(() => card(page, 'zoe@acme.example').locator('[data-deal]').textContent(), { timeout: 15_000 }).toContain('closes Jan 31');
    await shot(page, 'sidebar-offline');
    await link.online();
    const popup = await browser.extensionPage('popup.html');
    await popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sync.now' }));
    await expect.poll(async () => (await dealNow()).expectedCloseDate, { timeout: 10_000 }).toBe('2027-01-31');
    // The open card updates itself once the outbox drained: no stale "1 waiting".
    await expect.poll(() => insideSidebar(page).locator('.chip').textContent(), { timeout: 10_000 }).toBe('Synced');
    await popup.close();
    await page.close();
  });

  it('popup: searches customers and completes a due reminder; a due reminder becomes a notification and the badge counts it', async () => {
    const ann = { user: await findUser(test, test.ids.ann), surface: 'api' as const };
    const due = await test.hub.services.reminders.create(ann, { title: 'Call Zoë about the contract', dueAt: new Date(Date.now() - 60_000).toISOString() });
    await test.hub.scheduler.runOnce();
    const popup = await browser.extensionPage('popup.html');
    await popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sync.now' }));
    const notices = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll());
    expect(Object.keys(notices)).toContain(`notice:${due.id}:${due.dueAt}`);
    const badge = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
    expect(Number(badge)).toBeGreaterThanOrEqual(1);

    await popup.reload();
    // One character is a whole Chinese family name.
    await popup.fill('#search', '王');
    await expect.poll(() => popup.locator('#results').textContent(), { timeout: 10_000 }).toContain('王芳');
    await popup.fill('#search', 'zoe');
    await expect.poll(() => popup.locator('#results .row').first().textContent(), { timeout: 10_000 }).toContain('Zoë Ångström');
    await expect.poll(() => popup.locator(`[data-reminder="${due.id}"]`).count(), { timeout: 10_000 }).toBe(1);
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.screenshot({ path: `${SHOTS}/popup.png` });
    await popup.locator(`[data-reminder="${due.id}"] button`, { hasText: 'Done' }).click();
    await expect.poll(async () => (await (await test.request('ann', 'GET', `/api/v1/reminders/${due.id}`)).json()).status, { timeout: 10_000 }).toBe('done');
    await popup.close();
  });
});

// A browser on a busy two-core machine: each step may wait its turn, so a test gets a minute.
describe('Gmail extension in local mode', { timeout: 60_000 }, () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtension();
    const options = await browser.extensionPage('options.html');
    await options.check('#mode-local');
    await options.fill('#localName', 'Ann Lee');
    await options.fill('#localEmail', 'ann@rapport.test');
    await options.click('#save');
    await options.locator('#message', { hasText: 'lives in this browser' }).waitFor({ timeout: 15_000 });
    await options.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the whole CRM in the browser: create contact with the company from the domain, log, search, export', async () => {
    const page = await browser.gmail('conversation-off');
    const jose = insideSidebar(page).locator('section.card[data-email="jose.nunez@globex.example"]');
    await expect.poll(() => jose.locator('form[data-form="create-contact"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await jose.locator('input[name="company"]').inputValue()).toBe('Globex');
    await jose.locator('form[data-form="create-contact"] button[type="submit"]').click();
    await expect.poll(() => jose.locator('.sub').first().textContent(), { timeout: 10_000 }).toContain('Globex');
    await jose.locator('[data-action="log-email"]').click();
    await expect.poll(() => jose.locator('[data-state="logged"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => jose.locator('[data-section="recent-activity"]').textContent(), { timeout: 10_000 }).toContain('Demo follow-up');

    // Deals in local mode: create one from the card, then edit its stage and amount in one save.
    await jose.locator('[data-action="new-deal"]').click();
    await jose.locator('form[data-form="new-deal"] input[name="title"]').fill('Globex pilot');
    await jose.locator('form[data-form="new-deal"] input[name="amount"]').fill('12000');
    await jose.locator('form[data-form="new-deal"] input[name="currency"]').fill('EUR');
    await jose.locator('form[data-form="new-deal"] button[type="submit"]').click();
    await expect.poll(() => jose.locator('[data-deal]').count(), { timeout: 10_000 }).toBe(1);
    expect(await jose.locator('[data-deal]').textContent()).toMatch(/Globex pilot.*12,000/s);
    await jose.locator('[data-action="update-deal"]').click();
    await jose.locator('form[data-form="deal"] select[name="stage"]').selectOption('negotiation');
    await jose.locator('form[data-form="deal"] input[name="amount"]').fill('15000');
    await jose.locator('form[data-form="deal"] [data-action="save"]').click();
    await expect.poll(() => jose.locator('[data-part="stage"]').textContent(), { timeout: 10_000 }).toBe('Negotiation');
    expect(await jose.locator('[data-deal] .amount').textContent()).toContain('15,000');
    await page.close();

    // And from the popup: search from the first character, then "New deal" on the account.
    const popup = await browser.extensionPage('popup.html');
    await popup.fill('#search', 'G');
    await popup.locator('#results .row', { hasText: 'Globex' }).first().locator('[data-action="new-deal"]').click();
    await popup.fill('form[data-form="new-deal"] input[name="title"]', 'Globex expansion');
    await popup.click('form[data-form="new-deal"] button[type="submit"]');
    await expect.poll(() => popup.locator('#message').textContent(), { timeout: 10_000 }).toContain('Globex expansion created');
    await popup.close();

    const options = await browser.extensionPage('options.html');
    const send = (message: unknown) => options.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message);
    const found = (await send({ type: 'search', q: 'jose' })) as { ok: boolean; data: Array<{ name: string }> };
    expect(found.data.map((m) => m.name)).toContain('José Núñez');
    const json = (await send({ type: 'export', format: 'json' })) as { data: { text: string } };
    const exported = JSON.parse(json.data.text);
    expect(exported.contacts.map((c: { name: string }) => c.name)).toEqual(['José Núñez']);
    expect(exported.accounts.map((a: { domains: string[] }) => a.domains)).toEqual([['globex.example']]);
    expect(exported.activities).toHaveLength(1);
    expect(exported.deals.map((d: { title: string; stageId: string; amount: { minor: number } }) => [d.title, d.stageId, d.amount.minor]).sort()).toEqual([
      ['Globex expansion', 'lead', 0],
      ['Globex pilot', 'negotiation', 1_500_000],
    ]);
    const csv = (await send({ type: 'export', format: 'csv' })) as { data: { text: string } };
    expect(csv.data.text).toContain('"contact","José Núñez","jose.nunez@globex.example","Globex"');
    await options.close();
  });
});

async function findUser(test: TestHub, id: string) {
  const user = await test.hub.store.read((uow) => uow.users.get(id));
  if (!user) throw new Error(`no user ${id}`);
  return user;
}
