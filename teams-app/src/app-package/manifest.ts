/** What the Teams app manifest is made from: the hub's settings. */
export interface TeamsAppSettings {
  /** The Entra application (client) ID; also the Teams app's id (TEAMS_APP_ID). */
  appId: string;
  /** The Application ID URI single sign-on tokens are issued for (TEAMS_APP_ID_URI). */
  appIdUri: string;
  /** The hub's public address (RAPPORT_PUBLIC_URL); Teams loads the tab from it. */
  hubUrl: string;
  /** The app's version, x.y.z: raise it for each package you upload again. */
  version: string;
}

/** The manifest schema the package is written for; its schema ships in @microsoft/app-manifest. */
export const MANIFEST_VERSION = '1.22';
/** The personal tab's entity id: deep links to a deal name it. */
export const PERSONAL_TAB_ENTITY = 'pipeline';
/** Where the hub serves the tab. */
export const TAB_PATH = '/teams/';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the settings cannot make a manifest, one line per problem; empty when they can. */
export function manifestProblems(settings: Partial<TeamsAppSettings>): string[] {
  const problems: string[] = [];
  if (!settings.appId || !GUID.test(settings.appId)) problems.push('TEAMS_APP_ID: set the Application (client) ID of the app registration in Entra (a GUID).');
  if (!settings.appIdUri) problems.push('TEAMS_APP_ID_URI: set the Application ID URI, api://<hub host>/<TEAMS_APP_ID>.');
  try {
    const url = new URL(settings.hubUrl ?? '');
    if (url.protocol !== 'https:') problems.push(`RAPPORT_PUBLIC_URL: Teams loads tabs over https only; ${settings.hubUrl} is not.`);
  } catch {
    problems.push('RAPPORT_PUBLIC_URL: set the https:// address Teams reaches the hub at.');
  }
  if (!/^\d+\.\d+\.\d+$/.test(settings.version ?? '')) problems.push('version: use x.y.z, such as 1.0.0.');
  return problems;
}

/** The tab's address for one view, under the hub's public URL. */
export const tabUrl = (hubUrl: string, query = ''): string => `${hubUrl.replace(/\/+$/, '')}${TAB_PATH}${query ? `?${query}` : ''}`;

/**
 * The Teams app manifest: a personal tab (the manager's own pipeline dashboard), a configurable
 * tab for channels and group chats (the team picks which Rapport team's pipeline it shows), and
 * single sign-on through the Entra app registration.
 */
export function teamsManifest(settings: TeamsAppSettings): Record<string, unknown> {
  const hub = settings.hubUrl.replace(/\/+$/, '');
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: settings.version,
    id: settings.appId.toLowerCase(),
    developer: { name: 'Rapport', websiteUrl: hub, privacyUrl: hub, termsOfUseUrl: hub },
    name: { short: 'Rapport', full: 'Rapport: pipeline and forecast' },
    description: {
      short: 'Your team\'s pipeline, forecast and customers at a glance.',
      full:
        'The pipeline board by stage with deal cards you can move, the forecast against targets with what changed this week, the funnel, time in stage and stale deals, win/loss reasons, each rep\'s activity, and the customers at risk of churning. Signs you in with your Microsoft account.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#2B5FC7',
    // Teams keeps its loading indicator until the tab calls app.notifySuccess (or notifyFailure).
    showLoadingIndicator: true,
    staticTabs: [
      { entityId: PERSONAL_TAB_ENTITY, name: 'Pipeline', contentUrl: tabUrl(hub, 'view=personal'), websiteUrl: tabUrl(hub), scopes: ['personal'] },
      { entityId: 'about', scopes: ['personal'] },
    ],
    configurableTabs: [
      { configurationUrl: tabUrl(hub, 'view=config'), canUpdateConfiguration: true, scopes: ['team', 'groupChat'], context: ['channelTab', 'privateChatTab', 'meetingChatTab'] },
    ],
    permissions: ['identity'],
    validDomains: [new URL(hub).host],
    webApplicationInfo: { id: settings.appId.toLowerCase(), resource: settings.appIdUri },
  };
}
