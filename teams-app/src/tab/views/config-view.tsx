import type { Team } from '@rapport/core';
import { useEffect, useState } from 'preact/hooks';
import type { HubApi } from '../api/hub-api.js';
import type { HostContext } from '../host/host-context.js';
import { useLoad } from '../ui/app-context.js';
import { ErrorNote, Loading } from '../ui/common.js';
import type { User } from '@rapport/core';

/** The channel tab's configuration page in Teams: which Rapport team's pipeline this channel shows. */
export function ConfigView({ api, host, me }: { api: HubApi; host: HostContext; me: User }) {
  const teams = useLoad(() => api.call('listTeams', {}), 'teams');
  const [picked, setPicked] = useState<string>(host.rapportTeamId ?? (me.role === 'manager' ? (me.teamId ?? '') : ''));
  const choices: Team[] = (teams.data?.items ?? []).filter((t) => me.role === 'admin' || t.id === me.teamId);
  useEffect(() => {
    const team = choices.find((t) => t.id === picked);
    host.configure?.(team ? { rapportTeamId: team.id, name: team.name } : null);
  }, [picked, teams.data]);
  if (!teams.data) return teams.error ? <ErrorNote error={teams.error} onRetry={teams.reload} /> : <Loading what="teams" />;
  return (
    <main class="center-page">
      <form class="config" onSubmit={(e) => e.preventDefault()} data-ready="true">
        <h1>Show a pipeline in this channel</h1>
        {choices.length === 0 ? (
          <p class="note error">You manage no Rapport team, so there is no team pipeline to show. Ask a Rapport admin to make you a team's manager.</p>
        ) : (
          <>
            <p>Pick the Rapport team whose pipeline, forecast and customers this tab shows, then press Save.</p>
            <fieldset>
              <legend>Rapport team</legend>
              {choices.map((t) => (
                <label key={t.id} class="choice">
                  <input type="radio" name="team" value={t.id} checked={picked === t.id} onChange={() => setPicked(t.id)} />
                  <span>{t.name}</span>
                </label>
              ))}
            </fieldset>
            <p class="muted small">Everyone in the channel sees it with their own Rapport permissions: a rep sees their own deals.</p>
          </>
        )}
      </form>
    </main>
  );
}
