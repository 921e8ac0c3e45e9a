import type { PipelineReport } from '@rapport/core';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ORIGIN, hostLog, openInTeams, teamsContext } from './teams-host-page.js';
import { launchBrowser, SHOTS, startTeamsHub, tabFrame, type TeamsHub } from './teams-support.js';

/**
 * The built tab inside Teams: a test page served as https://teams.microsoft.com frames the
 * hub's /teams/ and answers teams-js as the Teams client does (initialize, getContext,
 * getAuthToken, theme changes, a configuration page's save), so the tab's Teams paths run for
 * real in Debian's Chromium. Microsoft's identity platform is a local stand-in publishing the
 * keys the test signs with. The hub is real, on SQLite, with the demo company.
 */
// A browser on a busy two-core machine: each step may wait its turn, so a test gets a minute.
describe('Teams tab inside Teams', { timeout: 60_000 }, () => {
  let t: TeamsHub;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTeamsHub();
    const launched = await launchBrowser();
    browser = launched.browser;
    context = await launched.context();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const helena = () => t.person('manager:Enterprise');
  const open = async (options: { view?: string; theme?: string; locale?: string; subEntityId?: string; frameContext?: 'content' | 'settings'; channel?: boolean; token?: { ok: true; value: string } | { ok: false; reason: string }; email?: string }) => {
    const email = options.email ?? helena().email;
    const token = options.token ?? { ok: true as const, value: await t.ssoToken(email) };
    return openInTeams(context, {
      tabUrl: `${t.url}/teams/?view=${options.view ?? 'personal'}`,
      context: teamsContext({ frameContext: options.frameContext ?? 'content', theme: options.theme, locale: options.locale, upn: email, oid: 'ignored-by-the-hub', tid: t.entra.tenantId, subEntityId: options.subEntityId, channel: options.channel }),
      token,
    });
  };
  const ready = (frame: Frame) => frame.locator('[data-ready="true"]').first().waitFor({ timeout: 30_000 });
  const funcs = async (page: Page) => (await hostLog(page)).map((m) => m.func);

  it('signs Helena in with Teams single sign-on and shows her team\'s board in Teams\' dark theme and her German locale', async () => {
    const page = await open({ theme: 'dark', locale: 'de-DE' });
    const frame = await tabFrame(page);
    await ready(frame);
    expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
    const board = await t.api<PipelineReport>(helena(), '/api/v1/pipeline');
    expect(await frame.locator('.board-summary strong').first().textContent()).toBe(`${board.board.count.toLocaleString('de-DE')} open deals`);
    const eur = board.board.totals.find((c) => c.currency === 'EUR');
    if (eur) expect(await frame.locator('.board-totals [data-currency="EUR"] strong').textContent()).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(eur.amountMinor / 100));
    await expect.poll(() => funcs(page)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'appInitialization.appLoaded', 'appInitialization.success']));
    expect(await funcs(page)).not.toContain('appInitialization.failure');
    // The hub found Helena by her email and recorded her Entra object id.
    const me = await t.api<{ user: { identities: { entraObjectId: string | null } } }>(helena(), '/api/v1/me');
    expect(me.user.identities.entraObjectId).toMatch(/^00000000-0000-4000-8000-/);
    await page.screenshot({ path: `${SHOTS}/in-teams-board-dark.png` });
    await page.close();
  });

  it('follows Teams when the user switches to the high-contrast theme, without reloading', async () => {
    const page = await open({});
    const frame = await tabFrame(page);
    await ready(frame);
    expect(await frame.locator('html').getAttribute('data-theme')).toBe('default');
    await frame.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.evaluate(() => (window as unknown as { sendToTab(func: string, args: unknown[]): void }).sendToTab('themeChange', ['contrast']));
    await expect.poll(() => frame.locator('html').getAttribute('data-theme')).toBe('contrast');
    expect(await frame.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: `${SHOTS}/in-teams-board-contrast.png` });
    await page.close();
  });

  it('opens the deal a deep link names', async () => {
    const deals = await t.api<{ items: Array<{ id: string; title: string }> }>(helena(), '/api/v1/deals?status=open&limit=1');
    const deal = deals.items[0];
    if (!deal) throw new Error('The demo has no open deal');
    const page = await open({ subEntityId: `deal:${deal.id}` });
    const frame = await tabFrame(page);
    await expect.poll(() => frame.locator('[data-deal-title]').textContent(), { timeout: 30_000 }).toBe(deal.title);
    await page.close();
  });

  it('tells a Microsoft user Rapport does not know that an admin must add them', async () => {
    const page = await open({ email: 'new.hire@brightwave.example' });
    const frame = await tabFrame(page);
    const blocked = frame.locator('[data-blocked]');
    await blocked.waitFor({ timeout: 30_000 });
    expect(await blocked.textContent()).toContain('Ask an admin to add you to Rapport');
    expect(await blocked.textContent()).toContain('pnpm rapport user add --email new.hire@brightwave.example');
    await expect.poll(() => funcs(page)).toContain('appInitialization.success');
    await page.screenshot({ path: `${SHOTS}/in-teams-not-a-user.png` });
    await page.close();
  });

  it('tells Teams sign-in failed when Teams cannot get a token, so Teams never shows its timeout', async () => {
    const page = await open({ token: { ok: false, reason: 'resourceRequiresConsent' } });
    const frame = await tabFrame(page);
    await frame.locator('[data-blocked]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('[data-blocked]').textContent()).toContain('resourceRequiresConsent');
    await expect.poll(async () => (await hostLog(page)).find((m) => m.func === 'appInitialization.failure')?.args[0]).toBe('AuthFailed');
    await page.close();
  });

  it('refuses a token for another app or an expired one, and says why', async () => {
    for (const claims of [{ aud: 'api://elsewhere.example/00000000-0000-0000-0000-000000000000' }, { exp: Math.floor(Date.now() / 1000) - 3600 }]) {
      const page = await open({ token: { ok: true, value: await t.ssoToken(helena().email, claims) } });
      const frame = await tabFrame(page);
      await frame.locator('[data-blocked]').waitFor({ timeout: 30_000 });
      expect(await frame.locator('[data-blocked]').textContent()).toMatch(/did not accept your Microsoft sign-in.*(another app|expired)/s);
      await expect.poll(async () => (await hostLog(page)).some((m) => m.func === 'appInitialization.failure')).toBe(true);
      await page.close();
    }
  });

  it('sets up a channel tab: Helena picks her Rapport team, Teams saves where the tab lives, and the channel shows that team', async () => {
    const page = await open({ view: 'config', frameContext: 'settings', channel: true });
    const frame = await tabFrame(page);
    await frame.locator('form.config').waitFor({ timeout: 30_000 });
    const team = (await t.api<{ items: Array<{ id: string; name: string }> }>(helena(), '/api/v1/teams')).items.find((x) => x.name === 'Enterprise');
    if (!team) throw new Error('no Enterprise team');
    await frame.locator(`input[value="${team.id}"]`).check();
    await expect.poll(async () => (await hostLog(page)).filter((m) => m.func === 'settings.setValidityState').at(-1)?.args[0]).toBe(true);
    await page.screenshot({ path: `${SHOTS}/in-teams-config.png` });
    await page.evaluate(() => (window as unknown as { sendToTab(func: string, args: unknown[]): void }).sendToTab('settings.save', [{}]));
    await expect.poll(() => funcs(page)).toContain('settings.save.success');
    const saved = await page.evaluate(() => (window as unknown as { host: { settings: { contentUrl: string; suggestedDisplayName: string } } }).host.settings);
    expect(saved.contentUrl).toBe(`${t.url}/teams/?view=channel&team=${encodeURIComponent(team.id)}`);
    expect(saved.suggestedDisplayName).toBe('Pipeline · Enterprise');
    await page.close();

    const channel = await openInTeams(context, {
      tabUrl: saved.contentUrl,
      context: teamsContext({ frameContext: 'content', upn: helena().email, oid: 'x', tid: t.entra.tenantId, channel: true }),
      token: { ok: true, value: await t.ssoToken(helena().email) },
    });
    const content = await tabFrame(channel);
    await ready(content);
    expect(await content.locator('.brand .where').textContent()).toBe('Sales Enterprise › Pipeline');
    expect(await content.locator('.filters .chip').textContent()).toBe('Enterprise');
    await channel.close();
  });

  it('is framed by Teams but by no other site (Content-Security-Policy frame-ancestors)', async () => {
    const response = await fetch(`${t.url}/teams/`);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${HOST_ORIGIN} https://*.teams.microsoft.com https://*.cloud.microsoft`);
    const evil = 'https://evil.example';
    await context.route(`${evil}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<iframe id="tab" src="${t.url}/teams/"></iframe>` }));
    const page = await context.newPage();
    const blocked = page.waitForEvent('console', { predicate: (m) => m.text().includes('frame-ancestors'), timeout: 15_000 });
    await page.goto(`${evil}/`);
    await blocked;
    const frame = page.frames().find((f) => f.url().includes('/teams/'));
    expect(frame ? await frame.locator('#app').count() : 0).toBe(0);
    await page.close();
  });
});
