import { TAB_PATH, teamsTabBuilt, teamsTabDir } from '@rapport/teams-app';
import { teamsSsoOn, type HubConfig } from '../config.js';
import type { SurfaceFactory } from '../runtime/hub-surface.js';
import { teamsSignOn } from './teams-sign-on.js';
import { teamsTabMount } from './teams-tab.mount.js';

/** The Teams surface of a hub: the tab's files, always; single sign-on on the API when configured. */
export const teamsSurface: SurfaceFactory = ({ config, services, clock }) => {
  const teams = config.teams;
  const sso = teamsSsoOn(teams);
  return {
    name: 'teams',
    mount: teamsTabMount(teamsTabDir(), { appId: teams.appId, sso }),
    bearers: sso ? [teamsSignOn({ appId: teams.appId, appIdUri: teams.appIdUri, tenantId: teams.tenantId, openIdConfigUrl: teams.openIdConfigUrl }, services.identities, () => clock.now())] : [],
  };
};

/** One line for the start-up banner: where the tab is, whether it is built, whether Teams sign-on is on. */
export function describeTeams(config: HubConfig, url: string): string {
  if (!teamsTabBuilt()) return 'tab not built: run `pnpm --filter @rapport/teams-app build` (or `pnpm build`), then restart';
  const where = `${url}${TAB_PATH}`;
  return teamsSsoOn(config.teams)
    ? `tab at ${where} (Teams sign-on on, tenant ${config.teams.tenantId})`
    : `tab at ${where} (open it in a browser with a token; set TEAMS_APP_ID and TEAMS_TENANT_ID for Teams sign-on)`;
}
