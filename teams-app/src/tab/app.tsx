import type { Pipeline, Team, User } from '@rapport/core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HubApi } from './api/hub-api.js';
import type { HostContext } from './host/host-context.js';
import { boardPipelines, initialFilters, teamChoices, todayIn, type ClosePeriod, type Filters } from './state/filters.js';
import { AppContext, type AppState } from './ui/app-context.js';
import { Format } from './ui/format.js';
import { AccountPanel } from './views/account-panel.js';
import { ActivityView } from './views/activity-view.js';
import { CustomersView } from './views/customers-view.js';
import { ForecastView } from './views/forecast-view.js';
import { FunnelView } from './views/funnel-view.js';
import { Picker } from './ui/picker.js';
import { BoardView } from './views/pipeline/board-view.js';
import { DealPanel } from './views/pipeline/deal-panel.js';
import { WinLossView } from './views/win-loss-view.js';
import { FieldsView } from './views/fields-view.js';

export const VIEWS = [
  { id: 'pipeline', label: 'Pipeline', view: BoardView },
  { id: 'forecast', label: 'Forecast', view: ForecastView },
  { id: 'funnel', label: 'Funnel & stages', view: FunnelView },
  { id: 'win-loss', label: 'Win/loss', view: WinLossView },
  { id: 'activity', label: 'Rep activity', view: ActivityView },
  { id: 'customers', label: 'Customers', view: CustomersView },
  { id: 'fields', label: 'Fields', view: FieldsView },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

const CLOSE_LABEL: Record<ClosePeriod, string> = { any: 'Any close date', month: 'Closing this month', quarter: 'Closing this quarter', 'next-quarter': 'Closing next quarter', year: 'Closing this year' };

const viewFromHash = (hash: string): ViewId => (VIEWS.find((v) => v.id === hash.replace(/^#/, ''))?.id ?? 'pipeline');

export interface AppProps {
  api: HubApi;
  host: HostContext;
  me: User;
  teams: Team[];
  /** Every pipeline, default first; the board shows one of those the chosen team works in. */
  pipelines: Pipeline[];
  users: User[];
}

/** The dashboard: a header with the views and the filters, the chosen view, and a side panel for a deal or an account. */
export function App({ api, host, me, teams, pipelines, users }: AppProps) {
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  const [filters, setFilters] = useState<Filters>(() => initialFilters(me, host.rapportTeamId));
  const [panel, setPanel] = useState<{ kind: 'deal' | 'account'; id: string } | null>(host.dealId ? { kind: 'deal', id: host.dealId } : null);
  const [revision, setRevision] = useState(0);
  const format = useMemo(() => new Format(host.locale, me.timeZone), [host.locale, me.timeZone]);
  const today = todayIn(me.timeZone);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const offered = boardPipelines(pipelines, filters, me);
  const pipeline = offered.find((p) => p.id === pipelineId) ?? offered[0] ?? (pipelines[0] as Pipeline);

  useEffect(() => {
    const changed = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);

  const state: AppState = {
    api,
    host,
    format,
    me,
    teams,
    pipeline,
    filters,
    today,
    revision,
    changed: () => setRevision((r) => r + 1),
    openDeal: (id) => setPanel({ kind: 'deal', id }),
    openAccount: (id) => setPanel({ kind: 'account', id }),
  };
  const choices = teamChoices(me, teams);
  const locked = host.page === 'channel' && filters.teamId !== null && filters.teamId === host.rapportTeamId;
  const reps = users.filter((u) => u.active && u.role !== 'admin' && (filters.teamId === 'all' || filters.teamId === null || u.teamId === filters.teamId));
  const Current = VIEWS.find((v) => v.id === view)?.view ?? BoardView;

  return (
    <AppContext.Provider value={state}>
      <div class="app" data-view={view}>
        <header class="top">
          <div class="brand">
            <span class="logo" aria-hidden="true" />
            <span class="brand-name">Rapport</span>
            {host.where && <span class="muted where">{host.where}</span>}
          </div>
          <nav class="tabs" aria-label="Views">
            {VIEWS.map((v) => (
              <a key={v.id} href={`#${v.id}`} class="tab" aria-current={v.id === view ? 'page' : undefined} data-tab={v.id}>
                {v.label}
              </a>
            ))}
          </nav>
          <div class="who">
            <span class="muted">{me.name}</span>
            {host.signOut && (
              <button
                type="button"
                class="link"
                onClick={() => {
                  host.signOut?.();
                  location.reload();
                }}
              >
                Sign out
              </button>
            )}
          </div>
        </header>
        <div class="filters" role="group" aria-label="Filters">
          {choices.length > 0 && !locked && (
            <Picker label="Team" name="team" value={filters.teamId ?? ''} choices={choices} onPick={(id) => setFilters({ ...filters, teamId: id || null, repId: null })} />
          )}
          {locked && <span class="chip">{teams.find((t) => t.id === filters.teamId)?.name ?? ''}</span>}
          {me.role !== 'rep' && (
            <label>
              <span>Rep</span>
              <select name="rep" value={filters.repId ?? ''} onChange={(e) => setFilters({ ...filters, repId: (e.currentTarget as HTMLSelectElement).value || null })}>
                <option value="">All reps</option>
                {reps.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {view === 'pipeline' && offered.length > 1 && <Picker label="Pipeline" name="pipeline" value={pipeline.id} choices={offered} onPick={setPipelineId} />}
          {view === 'pipeline' && (
            <label>
              <span>Close</span>
              <select name="close" value={filters.close} onChange={(e) => setFilters({ ...filters, close: (e.currentTarget as HTMLSelectElement).value as ClosePeriod })}>
                {(Object.keys(CLOSE_LABEL) as ClosePeriod[]).map((c) => (
                  <option key={c} value={c}>
                    {CLOSE_LABEL[c]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <main class="content">
          <Current />
        </main>
        {panel?.kind === 'deal' && <DealPanel key={panel.id} dealId={panel.id} onClose={() => setPanel(null)} />}
        {panel?.kind === 'account' && <AccountPanel key={panel.id} accountId={panel.id} onClose={() => setPanel(null)} />}
      </div>
    </AppContext.Provider>
  );
}
