import { render } from 'preact';
import { Boot } from './boot.js';
import { browserHost } from './host/browser-host.js';
import { readHubSettings, type HostContext, type Theme } from './host/host-context.js';
import './styles.css';

/** How long to wait for Teams to answer before taking a framing page for something else. */
const TEAMS_WAIT_MS = 8_000;

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/**
 * The entry point: the one place that decides where the tab runs. Framed (in Teams), teams-js is
 * loaded and initialised once; opened directly, the page is a browser dashboard. Either way the
 * rest of the app gets a HostContext and never touches the SDK.
 */
async function main(): Promise<void> {
  const url = new URL(location.href);
  const hub = readHubSettings(document);
  let host: HostContext | null = null;
  if (window.parent !== window) {
    const { teamsHost } = await import('./host/teams-host.js');
    host = await Promise.race([teamsHost(hub, url), new Promise<null>((resolve) => setTimeout(() => resolve(null), TEAMS_WAIT_MS))]).catch(() => null);
  }
  host ??= browserHost(url, localStorage, (query) => matchMedia(query));
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  const root = document.getElementById('app');
  if (root) render(<Boot host={host} hubUrl={url.origin} storage={localStorage} />, root);
}

void main();
