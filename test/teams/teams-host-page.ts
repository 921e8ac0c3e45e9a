import type { BrowserContext, Page } from 'playwright-core';

/**
 * A stand-in for the Teams client, for tests only: a page served as https://teams.microsoft.com
 * (the browser never reaches Microsoft; the test answers that address) that frames the tab and
 * answers teams-js the way Teams does, over postMessage. Requests from the tab carry `id`,
 * `uuidAsString`, `func` and `args`; answers echo the id and uuid with the result in `args`;
 * Teams' own events (a theme change, "save" on a configuration page) are `func` and `args`
 * with no id. Everything the tab sends is kept in `window.host.log` for the test to read.
 */
export interface HostOptions {
  /** The tab's address (the hub's /teams/ with a view). */
  tabUrl: string;
  /** What `getContext` answers (Teams' context, in the shape teams-js receives it). */
  context: Record<string, unknown>;
  /** What `authentication.getAuthToken` answers: a token, or a failure reason. */
  token: { ok: true; value: string } | { ok: false; reason: string };
}

export const HOST_ORIGIN = 'https://teams.microsoft.com';

/** The capabilities this host says it has (a runtime configuration, as Teams sends it at initialize). */
const RUNTIME = { apiVersion: 4, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } }, isLegacyTeams: false, supports: { appInitialization: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {}, logs: {} } };

function script(options: HostOptions): string {
  const tabOrigin = new URL(options.tabUrl).origin;
  return `
const options = ${JSON.stringify({ ...options, runtime: RUNTIME, tabOrigin })};
const frame = document.getElementById('tab');
const host = { log: [], settings: null, token: options.token };
window.host = host;
window.sendToTab = (func, args) => frame.contentWindow.postMessage({ func, args }, options.tabOrigin);
addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== options.tabOrigin) return;
  const m = event.data;
  if (!m || typeof m.func !== 'string') return;
  host.log.push({ func: m.func, args: m.args });
  const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
  switch (m.func) {
    case 'initialize':
      return reply([options.context.frameContext, 'web', JSON.stringify(options.runtime), '2.58.0']);
    case 'getContext':
      return reply([options.context]);
    case 'authentication.getAuthToken':
      return reply(host.token.ok ? [true, host.token.value] : [false, host.token.reason]);
    case 'settings.setSettings':
      host.settings = m.args[0];
      return reply([true]);
  }
});
frame.src = options.tabUrl;`;
}

/** Opens the host page with the tab in its frame; resolves once the page is loaded (the tab loads on its own). */
export async function openInTeams(context: BrowserContext, options: HostOptions): Promise<Page> {
  const path = `/_test-host/${Math.random().toString(36).slice(2)}`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Teams (test host)</title><style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head><body><iframe id="tab" title="Rapport"></iframe><script>${script(options)}</script></body></html>`;
  await context.route(`${HOST_ORIGIN}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${HOST_ORIGIN}${path}`);
  return page;
}

/** What the tab sent to Teams so far, by function name. */
export async function hostLog(page: Page): Promise<Array<{ func: string; args: unknown[] }>> {
  return page.evaluate(() => (window as unknown as { host: { log: Array<{ func: string; args: unknown[] }> } }).host.log);
}

/** Teams' context for a tab, as teams-js receives it from the host (the "legacy" flat shape). */
export function teamsContext(fields: { frameContext: 'content' | 'settings'; theme?: string; locale?: string; upn: string; oid: string; tid: string; subEntityId?: string; channel?: boolean }): Record<string, unknown> {
  return {
    frameContext: fields.frameContext,
    hostClientType: 'web',
    locale: fields.locale ?? 'en-us',
    theme: fields.theme ?? 'default',
    userObjectId: fields.oid,
    userPrincipalName: fields.upn,
    loginHint: fields.upn,
    tid: fields.tid,
    entityId: fields.channel ? 'pipeline-channel' : 'pipeline',
    appSessionId: 'test-session',
    ...(fields.subEntityId ? { subEntityId: fields.subEntityId } : {}),
    ...(fields.channel ? { teamId: '19:team@thread.tacv2', teamName: 'Sales Enterprise', channelId: '19:channel@thread.tacv2', channelName: 'Pipeline' } : {}),
  };
}
