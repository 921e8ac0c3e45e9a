import type { ActivityReport, Deal, Forecast, Funnel, PipelineReport, SegmentsReport, WinLoss } from '@rapport/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SHOTS, startTeamsHub, type DemoUser, type TeamsHub } from './teams-support.js';

/**
 * The same tab opened in a browser, outside Teams: a dashboard signed in with a personal token,
 * against a real hub on SQLite with the demo company, in Debian's Chromium. Each view is checked
 * against the hub's own figures and photographed in light and dark.
 */
// A browser on a busy two-core machine: each step may wait its turn, so a test gets a minute.
describe('Teams tab as a browser dashboard', { timeout: 60_000 }, () => {
  let t: TeamsHub;
  let browser: Browser;
  let light: BrowserContext;
  let dark: BrowserContext;
  const VIEWS = ['pipeline', 'forecast', 'funnel', 'win-loss', 'activity', 'customers'] as const;

  beforeAll(async () => {
    t = await startTeamsHub();
    const launched = await launchBrowser();
    browser = launched.browser;
    light = await launched.context({ colorScheme: 'light' });
    dark = await launched.context({ colorScheme: 'dark' });
    for (const context of [light, dark]) await context.addInitScript((token) => localStorage.setItem('rapport.teams.token', token), t.person('manager:Enterprise').token);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const helena = (): DemoUser => t.person('manager:Enterprise');
  const open = async (context: BrowserContext, path = '/teams/'): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${t.url}${path}`);
    await page.locator('.content [data-ready="true"]').first().waitFor({ timeout: 30_000 });
    return page;
  };
  const view = async (page: Page, id: (typeof VIEWS)[number]) => {
    await page.locator(`a[data-tab="${id}"]`).click();
    await page.locator(`.app[data-view="${id}"] .content [data-ready="true"]`).first().waitFor({ timeout: 30_000 });
  };
  const boardCount = (page: Page) => page.locator('.board-summary strong').first().textContent();

  it('asks for a personal token, says when the hub refuses one, and signs in with a good one', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/teams/`);
    await page.locator('input[name="token"]').fill('rpt_not-a-real-token');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('.sign-in [role="alert"]').textContent(), { timeout: 15_000 }).toContain('This token is not valid');
    await page.screenshot({ path: `${SHOTS}/sign-in.png` });
    await page.locator('input[name="token"]').fill(helena().token);
    await page.locator('button[type="submit"]').click();
    await page.locator('.board-view[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.who').textContent()).toContain('Helena Voss');
    await context.close();
  });

  it('shows the team\'s board: a column per stage with the hub\'s counts and per-currency totals, and deal cards', async () => {
    const page = await open(light);
    const board = await t.api<PipelineReport>(helena(), '/api/v1/pipeline');
    expect(await boardCount(page)).toBe(`${board.board.count} open deals`);
    for (const stage of board.board.stages) {
      const column = page.locator(`.column[data-stage="${stage.stageId}"]`);
      expect(await column.locator('.count').getAttribute('data-count')).toBe(String(stage.count));
      for (const c of stage.byCurrency) expect(await column.locator(`.column-amount[data-currency="${c.currency}"]`).count()).toBe(1);
      expect(await column.locator('.deal-card').count()).toBe(Math.min(stage.count, 20));
    }
    const card = page.locator('.deal-card').first();
    expect(await card.locator('.deal-amount').textContent()).toMatch(/[$€£¥₩]|CN¥/);
    expect(await card.locator('.deal-days').textContent()).toMatch(/^\d+ d in stage$/);
  });

  it('narrows the board to one rep and to a close period, as the hub counts them', async () => {
    const page = await open(light);
    const rep = t.person('rep:Enterprise');
    await page.locator('select[name="rep"]').selectOption({ label: rep.name });
    const mine = await t.api<PipelineReport>(helena(), `/api/v1/pipeline?scope=${rep.id}`);
    await expect.poll(() => boardCount(page)).toBe(`${mine.board.count} open deals`);
    const owners = await page.locator('.deal-owner').allTextContents();
    expect(new Set(owners.map((o) => o.replace(/^[A-Z]{1,2}/, '')))).toEqual(new Set(owners.length > 0 ? [rep.name] : []));
    await page.locator('select[name="rep"]').selectOption({ value: '' });
    await page.locator('select[name="close"]').selectOption('quarter');
    const quarter = await t.api<PipelineReport>(helena(), '/api/v1/pipeline?closePeriod=quarter');
    // Wait for the board drawn for the whole team and the quarter: the rep's board can have the same count.
    await expect.poll(() => page.locator('.board-summary').textContent()).toContain('closing');
    expect(await page.locator('.board-summary').textContent()).not.toContain(rep.name);
    expect(await boardCount(page)).toBe(`${quarter.board.count} open deals`);
  });

  it('moves a deal by dragging its card to another column, and by its menu; the hub records both', async () => {
    const page = await open(light);
    // Drag once the board has settled (every card named), not while it is still drawing.
    await expect.poll(() => page.locator('.deal-account.pending').count(), { timeout: 15_000 }).toBe(0);
    const card = page.locator('.column[data-stage="lead"] .deal-card').first();
    const dealId = (await card.getAttribute('data-deal')) ?? '';
    // Drop on the column's head, which is in view: a drop point below the fold would have the
    // page scrolled between pressing the card and starting the drag, picking up another card.
    await card.dragTo(page.locator('.column[data-stage="qualified"]'), { targetPosition: { x: 120, y: 24 } });
    await expect.poll(async () => (await t.api<Deal>(helena(), `/api/v1/deals/${dealId}`)).stageId, { timeout: 15_000 }).toBe('qualified');
    await expect.poll(() => page.locator('.note.ok').textContent()).toContain('moved to Qualified');
    const moved = page.locator(`.deal-card[data-deal="${dealId}"]`);
    await moved.locator('button[aria-haspopup="menu"]').click();
    await moved.locator('[role="menuitem"][data-stage="demo"]').click();
    await expect.poll(async () => (await t.api<Deal>(helena(), `/api/v1/deals/${dealId}`)).stageId, { timeout: 15_000 }).toBe('demo');
    const history = await t.api<{ items: Array<{ stageId: string; surface: string }> }>(helena(), `/api/v1/deals/${dealId}/history`);
    expect(history.items.slice(-2).map((h) => [h.stageId, h.surface])).toEqual([
      ['qualified', 'teams'],
      ['demo', 'teams'],
    ]);
  });

  it('refuses to move a deal someone changed since the board loaded, says so and refreshes', async () => {
    const page = await open(light);
    const card = page.locator('.column[data-stage="proposal"] .deal-card').first();
    const dealId = (await card.getAttribute('data-deal')) ?? '';
    const deal = await t.api<Deal>(helena(), `/api/v1/deals/${dealId}`);
    await t.api(helena(), `/api/v1/deals/${dealId}`, { method: 'PATCH', body: { amount: { minor: deal.amount.minor + 100_00, currency: deal.amount.currency } }, headers: { 'if-match': `"${deal.version}"` } });
    await card.locator('button[aria-haspopup="menu"]').click();
    await card.locator('[role="menuitem"][data-stage="negotiation"]').click();
    await expect.poll(() => page.locator('.note.error').textContent(), { timeout: 15_000 }).toContain('Someone changed this deal since you loaded it');
    expect((await t.api<Deal>(helena(), `/api/v1/deals/${dealId}`)).stageId).toBe('proposal');
    await page.screenshot({ path: `${SHOTS}/board-conflict.png` });
  });

  it('opens a deal\'s panel with its stage history and activities, and a link that opens it again', async () => {
    const page = await open(light);
    const card = page.locator('.column[data-stage="negotiation"] .deal-card').first();
    const dealId = (await card.getAttribute('data-deal')) ?? '';
    await card.locator('.deal-open').click();
    const panel = page.locator('[data-panel="deal"]');
    await panel.locator('[data-section="history"] li').first().waitFor({ timeout: 15_000 });
    const history = await t.api<{ items: unknown[] }>(helena(), `/api/v1/deals/${dealId}/history`);
    expect(await panel.locator('[data-section="history"] li').count()).toBe(history.items.length);
    expect(await panel.locator('[data-section="history"]').textContent()).toContain('Created in');
    await page.screenshot({ path: `${SHOTS}/deal-panel-light.png` });
    const again = await open(light, `/teams/?deal=${dealId}`);
    await expect.poll(() => again.locator('[data-deal-title]').textContent(), { timeout: 15_000 }).toBe(await panel.locator('[data-deal-title]').textContent());
  });

  it('shows names as written, in any script, and never as markup', async () => {
    const rep = t.person('rep:Enterprise');
    const account = await t.api<{ id: string }>(rep, '/api/v1/accounts', { method: 'POST', body: { name: '<img src=x onerror="document.title=1">株式会社テスト' } });
    await t.api(rep, '/api/v1/deals', { method: 'POST', body: { title: 'Zoë’s “pilot” – 试点', accountId: account.id, amount: { minor: 1_000_000, currency: 'JPY' }, stageId: 'lead' } });
    const page = await open(light);
    const card = page.locator('.deal-card', { hasText: 'Zoë’s “pilot” – 试点' });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.locator('.deal-account').textContent(), { timeout: 15_000 }).toBe('<img src=x onerror="document.title=1">株式会社テスト');
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('.deal-amount').textContent()).toBe('¥1,000,000');
    expect(await page.title()).not.toBe('1');
  });

  it('shows every view with the hub\'s figures, in light and dark', async () => {
    const forecast = await t.api<Forecast>(helena(), '/api/v1/forecast?period=quarter');
    const funnel = await t.api<Funnel>(helena(), '/api/v1/funnel');
    const winLoss = await t.api<WinLoss>(helena(), '/api/v1/win-loss');
    const activity = await t.api<ActivityReport>(helena(), '/api/v1/reports/activity?period=week');
    const segments = await t.api<SegmentsReport>(helena(), '/api/v1/segments');
    for (const [theme, context] of [['light', light], ['dark', dark]] as const) {
      const page = await open(context);
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme === 'light' ? 'default' : 'dark');
      for (const id of VIEWS) {
        await view(page, id);
        await page.screenshot({ path: `${SHOTS}/${id}-${theme}.png` });
      }
      await view(page, 'forecast');
      expect(await page.locator('.forecast-chart').count()).toBe(forecast.total.figures.length);
      expect(await page.locator('[data-section="changes"] li').count()).toBe(Math.min(40, forecast.changes.length));
      await view(page, 'funnel');
      if (funnel.won + funnel.lost > 0) expect(await page.locator('.funnel-stage').count()).toBe(funnel.stages.length);
      expect(await page.locator('.kpi', { hasText: 'Win rate' }).locator('.kpi-hint').textContent()).toBe(`${funnel.won} won · ${funnel.lost} lost`);
      await view(page, 'win-loss');
      expect(await page.locator('.bar-row').count()).toBe(winLoss.reasons.length + winLoss.competitors.length);
      await view(page, 'activity');
      expect(await page.locator('[data-section="activity"] tbody tr').count()).toBe(activity.reps.length + (activity.teams.length > 1 ? activity.teams.length : 0) + 1);
      await view(page, 'customers');
      const counts = await page.locator('.bar-row .bar-value').allTextContents();
      expect(counts).toEqual(segments.segments.map((s) => `${s.accounts} ${s.accounts === 1 ? 'account' : 'accounts'}`));
      await page.close();
    }
  });

  it('steps the activity report back a week and the forecast back a quarter, showing the hub\'s figures for those periods', async () => {
    const page = await open(light, '/teams/#activity');
    const thisWeek = await t.api<ActivityReport>(helena(), '/api/v1/reports/activity?period=week');
    const first = new Date(`${thisWeek.range.firstDay}T00:00:00Z`);
    const lastWeekDay = new Date(first.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    const lastWeek = await t.api<ActivityReport>(helena(), `/api/v1/reports/activity?period=week&date=${lastWeekDay}`);
    await page.getByRole('button', { name: 'Previous week' }).click();
    await expect.poll(() => page.locator('.activity-view[data-ready="true"]').getAttribute('data-first-day'), { timeout: 15_000 }).toBe(lastWeekDay);
    const emails = await page.locator('[data-section="activity"] tr[data-row="total"] td.num').first().textContent();
    expect(emails?.replace(/\D/g, '')).toBe(String(lastWeek.total.activities.email));
    await page.getByRole('button', { name: 'Back to this week' }).click();
    await expect.poll(() => page.locator('.activity-view[data-ready="true"]').getAttribute('data-first-day'), { timeout: 15_000 }).toBe(thisWeek.range.firstDay);

    await view(page, 'forecast');
    const quarter = await t.api<Forecast>(helena(), '/api/v1/forecast?period=quarter');
    const [y, m] = quarter.range.firstDay.split('-').map(Number) as [number, number];
    const previousFirst = new Date(Date.UTC(y, m - 4, 1)).toISOString().slice(0, 10);
    const previousLast = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
    const previous = await t.api<Forecast>(helena(), `/api/v1/forecast?period=quarter&date=${previousLast}`);
    await page.getByRole('button', { name: 'Previous quarter' }).click();
    await expect.poll(() => page.locator('.forecast-view[data-ready="true"]').getAttribute('data-first-day'), { timeout: 15_000 }).toBe(previousFirst);
    expect(await page.locator('.forecast-chart').count()).toBe(previous.total.figures.length);
    await page.close();
  });

  it('lists a segment\'s accounts and the churn warnings, each opening the account\'s card', async () => {
    const page = await open(light, '/teams/#customers');
    await page.locator('.bar-row[data-label="New"]').click();
    const segment = await t.api<SegmentsReport>(helena(), '/api/v1/segments?segment=new&limit=25');
    await expect.poll(() => page.locator('[data-section="segment-accounts"] li').count(), { timeout: 15_000 }).toBe(segment.accounts.length);
    const first = segment.accounts[0];
    if (first) {
      await page.locator('[data-section="segment-accounts"] button.link').first().click();
      await expect.poll(() => page.locator('[data-panel="account"] [data-account-name]').textContent(), { timeout: 15_000 }).toBe(first.accountName);
      await page.screenshot({ path: `${SHOTS}/account-panel-light.png` });
    }
  });

  it('reads in Teams\' high-contrast theme too', async () => {
    const page = await open(light, '/teams/?theme=contrast');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.tab[aria-current="page"]') as Element).borderBottomColor)).toBe('rgb(255, 255, 1)');
    await page.screenshot({ path: `${SHOTS}/pipeline-contrast.png` });
  });
});
