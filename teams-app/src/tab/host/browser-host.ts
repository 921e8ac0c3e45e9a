import type { HostContext, Theme } from './host-context.js';

export const TOKEN_KEY = 'rapport.teams.token';

/**
 * The tab opened in a plain browser: a dashboard signed in with a personal token (kept in this
 * browser's local storage until Sign out), the system's light or dark theme, the browser's locale.
 */
export function browserHost(url: URL, storage: Storage, media: (query: string) => MediaQueryList): HostContext {
  const dark = media('(prefers-color-scheme: dark)');
  const forced = url.searchParams.get('theme');
  const theme = (): Theme => (forced === 'dark' || forced === 'contrast' || forced === 'default' ? forced : dark.matches ? 'dark' : 'default');
  return {
    kind: 'browser',
    page: 'browser',
    theme: theme(),
    locale: url.searchParams.get('locale') ?? navigator.language,
    userHint: null,
    where: null,
    rapportTeamId: url.searchParams.get('team'),
    dealId: url.searchParams.get('deal'),
    token: async () => storage.getItem(TOKEN_KEY) ?? '',
    onThemeChange: (listener) => {
      const changed = () => listener(theme());
      dark.addEventListener('change', changed);
      return () => dark.removeEventListener('change', changed);
    },
    dealLink: (dealId) => `${url.origin}${url.pathname}?deal=${encodeURIComponent(dealId)}`,
    ready: () => undefined,
    failed: () => undefined,
    signOut: () => storage.removeItem(TOKEN_KEY),
  };
}
