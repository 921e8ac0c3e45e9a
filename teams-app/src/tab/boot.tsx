import { CrmError, type Pipeline, type Team, type User } from '@rapport/core';
import { useEffect, useState } from 'preact/hooks';
import { HubApi } from './api/hub-api.js';
import { App } from './app.js';
import type { HostContext } from './host/host-context.js';
import { errorText } from './ui/common.js';
import { TOKEN_KEY } from './host/browser-host.js';
import { BlockedView } from './views/blocked-view.js';
import { ConfigView } from './views/config-view.js';
import { SignInView } from './views/sign-in-view.js';

type Stage =
  | { kind: 'starting' }
  | { kind: 'sign-in'; message: string | null }
  | { kind: 'blocked'; title: string; message: string; hint?: string; command?: string }
  | { kind: 'ready'; me: User; teams: Team[]; pipelines: Pipeline[]; users: User[] };

/** Everything the dashboard reads once: who is signed in, the teams, the pipelines and the people. */
async function start(api: HubApi): Promise<Extract<Stage, { kind: 'ready' }>> {
  const { user: me } = await api.call('me', {});
  const [teams, pipelines, users] = await Promise.all([api.call('listTeams', {}), api.call('listPipelines', {}), api.users()]);
  if (pipelines.items.length === 0) throw new CrmError('not_found', 'The hub has no pipeline yet.');
  return { kind: 'ready', me, teams: teams.items, pipelines: pipelines.items, users };
}

/** Why sign-in failed, as a page: the hub's answer decides which. */
function refusal(error: unknown, host: HostContext): Stage {
  if (error instanceof CrmError && error.code === 'forbidden' && error.details.reason === 'not_a_user') {
    const email = typeof error.details.email === 'string' ? error.details.email : (host.userHint ?? 'your account');
    return { kind: 'blocked', title: 'Ask an admin to add you to Rapport', message: `You are signed in to Microsoft as ${email}, but nobody by that address is a Rapport user yet.`, hint: 'A Rapport admin adds you with:', command: `pnpm rapport user add --email ${email} --name "Your Name" --role manager --team "Your team"` };
  }
  if (error instanceof CrmError && error.code === 'forbidden' && typeof error.details.reason === 'string') {
    return { kind: 'blocked', title: 'Rapport did not let you in', message: error.message };
  }
  if (host.kind === 'browser' && error instanceof CrmError && error.code === 'unauthenticated') return { kind: 'sign-in', message: error.message };
  if (error instanceof CrmError && error.code === 'unauthenticated') return { kind: 'blocked', title: 'Rapport did not accept your Microsoft sign-in', message: error.message, hint: 'An admin sets up Teams sign-on as the Rapport README for Teams describes (TEAMS_APP_ID, TEAMS_TENANT_ID).' };
  return { kind: 'blocked', title: 'Rapport cannot be reached', message: errorText(error) };
}

/** Signs the reader in (Teams single sign-on, or a personal token in a browser), then shows the dashboard or the configuration page. */
export function Boot({ host, hubUrl, storage }: { host: HostContext; hubUrl: string; storage: Storage }) {
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });
  const [api] = useState(() => new HubApi(hubUrl, () => host.token()));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const go = async () => {
      if (host.kind === 'browser' && !(await host.token())) return setStage({ kind: 'sign-in', message: null });
      if (host.kind === 'teams') {
        try {
          await host.token();
        } catch (error) {
          const message = `Teams could not sign you in to Rapport: ${error instanceof Error ? error.message : String(error)}`;
          setStage({ kind: 'blocked', title: 'Teams could not sign you in', message, hint: 'Close the tab and open it again. If it keeps happening, an admin checks the app registration in Entra (the README for Teams lists each step).' });
          host.failed('AuthFailed', message);
          return;
        }
      }
      try {
        const ready = await start(api);
        if (!cancelled) setStage(ready);
        host.ready();
      } catch (error) {
        const next = refusal(error, host);
        if (!cancelled) setStage(next);
        if (next.kind === 'blocked' && error instanceof CrmError && error.code === 'unauthenticated') host.failed('AuthFailed', next.message);
        else host.ready();
      }
    };
    void go();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  switch (stage.kind) {
    case 'starting':
      return <div class="loading center-page">Signing you in…</div>;
    case 'sign-in':
      return (
        <SignInView
          message={stage.message}
          onToken={(token) => {
            storage.setItem(TOKEN_KEY, token);
            setAttempt((a) => a + 1);
          }}
        />
      );
    case 'blocked':
      return <BlockedView title={stage.title} message={stage.message} {...(stage.hint ? { hint: stage.hint } : {})} {...(stage.command ? { command: stage.command } : {})} />;
    case 'ready':
      return host.page === 'config' ? <ConfigView api={api} host={host} me={stage.me} /> : <App api={api} host={host} me={stage.me} teams={stage.teams} pipelines={stage.pipelines} users={stage.users} />;
  }
}
