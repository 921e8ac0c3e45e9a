import { app, authentication, pages } from '@microsoft/teams-js';
import { dealFromSubPage, type ChannelTabSettings, type HostContext, type HubSettings, type PageKind, type Theme } from './host-context.js';

const THEMES: readonly Theme[] = ['default', 'dark', 'contrast'];
const asTheme = (value: string | undefined): Theme => (THEMES.includes(value as Theme) ? (value as Theme) : 'default');

/**
 * The only module that talks to Teams: initialises teams-js once, reads the context (theme,
 * locale, user, team and channel, the page and its deep-link sub-page), follows theme changes,
 * gets single sign-on tokens, tells Teams when the app is ready or failed, and saves a channel
 * tab's configuration.
 */
export async function teamsHost(hub: HubSettings, url: URL): Promise<HostContext> {
  await app.initialize();
  const context = await app.getContext();
  const frame = context.page.frameContext;
  const requested = url.searchParams.get('view');
  const page: PageKind = frame === 'settings' || requested === 'config' ? 'config' : requested === 'channel' || context.channel ? 'channel' : 'personal';
  const listeners = new Set<(theme: Theme) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of listeners) listener(asTheme(theme));
  });
  let saving: ChannelTabSettings | null = null;
  if (page === 'config') {
    pages.config.registerOnSaveHandler((event) => {
      const chosen = saving;
      if (!chosen) return event.notifyFailure('Pick a Rapport team first.');
      const base = `${url.origin}${url.pathname}`;
      const team = encodeURIComponent(chosen.rapportTeamId);
      pages.config
        .setConfig({ entityId: `pipeline-${chosen.rapportTeamId}`, contentUrl: `${base}?view=channel&team=${team}`, websiteUrl: `${base}?team=${team}`, suggestedDisplayName: `Pipeline · ${chosen.name}` })
        .then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
    });
  }
  app.notifyAppLoaded();
  const where = [context.team?.displayName, context.channel?.displayName].filter(Boolean).join(' › ');
  return {
    kind: 'teams',
    page,
    theme: asTheme(context.app.theme),
    locale: context.app.locale || navigator.language,
    userHint: context.user?.userPrincipalName ?? context.user?.loginHint ?? null,
    where: where || null,
    rapportTeamId: url.searchParams.get('team'),
    dealId: dealFromSubPage(context.page.subPageId) ?? url.searchParams.get('deal'),
    token: () => authentication.getAuthToken(),
    onThemeChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dealLink: (dealId) =>
      hub.appId
        ? `https://teams.microsoft.com/l/entity/${hub.appId}/${hub.entityId}?context=${encodeURIComponent(JSON.stringify({ subEntityId: `deal:${dealId}` }))}`
        : `${url.origin}${url.pathname}?deal=${encodeURIComponent(dealId)}`,
    ready: () => void app.notifySuccess(),
    failed: (reason, message) => app.notifyFailure({ reason: reason === 'AuthFailed' ? app.FailedReason.AuthFailed : app.FailedReason.Other, message }),
    configure: (settings) => {
      saving = settings;
      pages.config.setValidityState(settings !== null);
    },
  };
}
