import type { Pipeline, Team, User } from '@rapport/core';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { HubApi } from '../api/hub-api.js';
import type { HostContext } from '../host/host-context.js';
import type { Filters } from '../state/filters.js';
import type { Format } from './format.js';

/** What every view reads: the hub, the host, formatting, who is reading, and the filters. */
export interface AppState {
  api: HubApi;
  host: HostContext;
  format: Format;
  me: User;
  teams: Team[];
  pipeline: Pipeline;
  filters: Filters;
  /** Today in the reader's time zone (YYYY-MM-DD). */
  today: string;
  /** Bumped after the reader changed something, so views showing it load again. */
  revision: number;
  changed(): void;
  openDeal(dealId: string): void;
  openAccount(accountId: string): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() outside <AppContext.Provider>');
  return state;
}

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` when `key` changes (and on reload()), keeping the last answer on screen while the
 * next one loads; an answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = (latest.current += 1);
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)), loading: false })),
    );
  }, [key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}
