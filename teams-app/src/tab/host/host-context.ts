/** Teams' three themes; a browser gets default or dark from the system. */
export type Theme = 'default' | 'dark' | 'contrast';

/** Which page the tab is: Teams' personal tab, a channel tab, its configuration page, or a plain browser. */
export type PageKind = 'personal' | 'channel' | 'config' | 'browser';

/** What the hub put into index.html (see the hub's Teams mount). */
export interface HubSettings {
  appId: string | null;
  entityId: string;
  sso: boolean;
}

/** How the tab saves a channel tab's settings (Teams only). */
export interface ChannelTabSettings {
  rapportTeamId: string;
  name: string;
}

/**
 * Everything the app knows of where it runs, made once at the entry point (main.tsx) from
 * teams-js or from the browser. Components read this, never the SDK.
 */
export interface HostContext {
  kind: 'teams' | 'browser';
  page: PageKind;
  theme: Theme;
  locale: string;
  /** Who the host says is signed in (Teams), for messages; the hub decides who it really is. */
  userHint: string | null;
  /** The Teams team and channel the tab is in, for the header. */
  where: string | null;
  /** The Rapport team a channel tab was set up to show. */
  rapportTeamId: string | null;
  /** A deal to open first: a deep link's sub-page, or ?deal= in a browser. */
  dealId: string | null;
  /** A bearer for the hub: the Teams single sign-on token, or the personal token typed in. */
  token(): Promise<string>;
  /** Calls `listener` when the user switches theme; returns how to stop. */
  onThemeChange(listener: (theme: Theme) => void): () => void;
  /** A link that opens this deal in the tab (a Teams deep link inside Teams). */
  dealLink(dealId: string): string;
  /** Teams: the app is ready (or failed before it could show anything); a browser ignores these. */
  ready(): void;
  failed(reason: 'AuthFailed' | 'Other', message: string): void;
  /** Teams' configuration page: allow Save, and what to save. */
  configure?(settings: ChannelTabSettings | null): void;
  /** Browser only: forget the personal token. */
  signOut?(): void;
}

export function readHubSettings(doc: Document): HubSettings {
  const meta = doc.querySelector('meta[name="rapport-hub"]')?.getAttribute('content');
  try {
    const parsed = JSON.parse(meta ?? '{}') as Partial<HubSettings>;
    return { appId: parsed.appId ?? null, entityId: parsed.entityId ?? 'pipeline', sso: parsed.sso === true };
  } catch {
    return { appId: null, entityId: 'pipeline', sso: false };
  }
}

/** The deal id in a deep link's sub-page id ("deal:deal_01…"), or null. */
export const dealFromSubPage = (subPageId: string | undefined | null): string | null => (subPageId?.startsWith('deal:') ? subPageId.slice(5) : null);
