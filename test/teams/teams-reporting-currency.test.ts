import type { Forecast, Funnel, PipelineReport } from '@rapport/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SHOTS, startTeamsHub, type TeamsHub } from './teams-support.js';

/**
 * The Teams tab in a browser against a real hub with the demo company, once an admin set a
 * reporting currency (EUR) and rates for every currency the demo sells in but one: each view
 * shows the hub's reporting total beside the per-currency figures, and says which currency
 * had no rate.
 */
describe('Teams tab with a reporting currency', { timeout: 60_000 }, () => {
  let t: TeamsHub;
  let browser: Browser;
  let context: BrowserContext;
  let unrated = '';

  beforeAll(async () => {
    t = await startTeamsHub();
    const admin = t.person('admin');
    const board = await t.api<PipelineReport>(t.person('manager:Enterprise'), '/api/v1/pipeline');
    const foreign = board.board.totals.map((c) => c.currency).filter((c) => c !== 'EUR');
    expect(foreign.length).toBeGreaterThan(1);
    unrated = foreign[foreign.length - 1] as string;
    await t.api(admin, '/api/v1/reporting-currency', { method: 'PUT', body: { currency: 'EUR' } });
    const lines = foreign.filter((c) => c !== unrated).map((c) => `${c},2000-01-01,0.5`);
    const imported = await fetch(`${t.url}/api/v1/exchange-rates/import`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' }, body: ['currency,date,rate', ...lines].join('\n') });
    expect(imported.status).toBe(200);
    const launched = await launchBrowser();
    browser = launched.browser;
    context = await launched.context();
    await context.addInitScript((token) => localStorage.setItem('rapport.teams.token', token), t.person('manager:Enterprise').token);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const euros = (minor: number): string => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(minor / 100);
  const open = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${t.url}/teams/`);
    await page.locator('.content [data-ready="true"]').first().waitFor({ timeout: 30_000 });
    return page;
  };
  const view = async (page: Page, id: string) => {
    await page.locator(`a[data-tab="${id}"]`).click();
    await page.locator(`.app[data-view="${id}"] .content [data-ready="true"]`).first().waitFor({ timeout: 30_000 });
  };

  it('shows the board\'s total in EUR beside the per-currency totals, and names the currency without a rate', async () => {
    const page = await open();
    const report = await t.api<PipelineReport>(t.person('manager:Enterprise'), '/api/v1/pipeline');
    expect(report.reporting?.missingRates.map((m) => m.currency)).toEqual([unrated]);
    const total = page.locator('.board-view .reporting-total[data-currency="EUR"]');
    expect(await total.locator('[data-figure="open"] strong').textContent()).toBe(euros(report.reporting?.amountMinor ?? -1));
    expect(await page.locator('.board-totals .total').count()).toBe(report.board.totals.length);
    expect(await total.locator('.missing-rates').textContent()).toMatch(new RegExp(`^No ${unrated} rate on or before \\d{4}-\\d{2}-\\d{2}: \\d+ amounts? \\(.+\\) (is|are) left out of the EUR total\\.$`));
    await page.screenshot({ path: `${SHOTS}/reporting-currency-board.png` });
    await page.close();
  });

  it('shows the forecast, the funnel and the campaigns in EUR too', async () => {
    const page = await open();
    const helena = t.person('manager:Enterprise');
    await view(page, 'forecast');
    const forecast = await t.api<Forecast>(helena, '/api/v1/forecast?period=quarter');
    const forecastTotal = page.locator('.forecast-view .reporting-total[data-currency="EUR"]');
    expect(await forecastTotal.locator('[data-figure="closed won"] strong').textContent()).toBe(euros(forecast.reporting?.closedWonMinor ?? -1));
    expect(await forecastTotal.locator('[data-figure="weighted"]').textContent()).toContain(euros(forecast.reporting?.weightedPipelineMinor ?? -1));

    await view(page, 'funnel');
    const pipelineId = (await t.api<PipelineReport>(helena, '/api/v1/pipeline')).board.pipelineId;
    const funnel = await t.api<Funnel>(helena, `/api/v1/funnel?pipelineId=${pipelineId}`);
    const funnelTotal = page.locator('.funnel-view .reporting-total[data-currency="EUR"]');
    expect(await funnelTotal.locator('[data-figure="won"] strong').textContent()).toBe(euros(funnel.reporting?.wonMinor ?? -1));
    expect(await funnelTotal.locator('.missing-rates').count()).toBe(funnel.reporting?.missingRates.length ? 1 : 0);
    await page.locator('[data-section="campaigns"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-section="campaigns"] .reporting-won').first().textContent()).toMatch(/€/);
    await page.screenshot({ path: `${SHOTS}/reporting-currency-funnel.png`, fullPage: true });
    await page.close();
  });
});
