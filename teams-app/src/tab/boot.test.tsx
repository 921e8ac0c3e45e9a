// @vitest-environment happy-dom
import { aPipeline, aTeam, aUser } from '@rapport/core/testing';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Boot } from './boot.js';
import type { HostContext } from './host/host-context.js';
import { FakeHub, testHost, until } from './testing/fake-hub.js';

const east = aTeam({ id: 'team_east', name: 'East' });
const mia = aUser({ id: 'usr_mia', name: 'Mia', role: 'manager', teamId: east.id });

describe('signing in', () => {
  let root: HTMLElement;
  let hub: FakeHub;
  let told: string[];
  const realFetch = globalThis.fetch;

  const boot = (overrides: Partial<HostContext>) => {
    const host = testHost({ ready: () => told.push('ready'), failed: (reason, message) => told.push(`failed ${reason}: ${message}`), ...overrides });
    globalThis.fetch = hub.fetch;
    render(<Boot host={host} hubUrl="https://hub.test" storage={localStorage} />, root);
  };

  beforeEach(() => {
    globalThis.fetch = realFetch;
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root') as HTMLElement;
    localStorage.clear();
    told = [];
    hub = new FakeHub()
      .on('GET /api/v1/me', { user: mia, team: east })
      .on('GET /api/v1/teams', { items: [east] })
      .on('GET /api/v1/pipelines', { items: [aPipeline()] })
      .on('GET /api/v1/users', { items: [mia], nextCursor: null })
      .on('GET /api/v1/pipeline', { status: 503, body: { code: 'unavailable', detail: 'not in this test' } });
  });

  it('asks a browser for a personal token when it has none', async () => {
    boot({ token: async () => '' });
    await until(() => root.querySelector('form.sign-in') !== null, 'the sign-in form');
    expect(hub.requests).toHaveLength(0);
  });

  it('signs in with the token typed, keeps it, and shows the dashboard', async () => {
    boot({ token: async () => localStorage.getItem('rapport.teams.token') ?? '' });
    await until(() => root.querySelector('form.sign-in') !== null, 'the sign-in form');
    const input = root.querySelector('input[name="token"]') as HTMLInputElement;
    input.value = 'rpt_mine';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    (root.querySelector('form.sign-in') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => root.querySelector('.app') !== null, 'the dashboard');
    expect(localStorage.getItem('rapport.teams.token')).toBe('rpt_mine');
    expect(hub.seen('GET /api/v1/me')[0]?.headers.authorization).toBe('Bearer rpt_mine');
    expect(Array.from(root.querySelectorAll('.tab')).map((t) => t.textContent)).toEqual(['Pipeline', 'Forecast', 'Funnel & stages', 'Win/loss', 'Rep activity', 'Customers', 'Fields']);
    expect(told).toEqual(['ready']);
  });

  it('tells a Microsoft user who is not in Rapport that an admin must add them, and lets Teams show the page', async () => {
    hub.on('GET /api/v1/me', { status: 403, body: { code: 'forbidden', detail: 'not a user', details: { reason: 'not_a_user', email: 'zoe@contoso.example' } } });
    boot({ kind: 'teams', page: 'personal' });
    await until(() => root.querySelector('[data-blocked]') !== null, 'the page');
    expect(root.querySelector('[data-blocked] h1')?.textContent).toBe('Ask an admin to add you to Rapport');
    expect(root.querySelector('[data-blocked]')?.textContent).toContain('pnpm rapport user add --email zoe@contoso.example');
    expect(told).toEqual(['ready']);
  });

  it('tells Teams that sign-in failed when Teams gives no token', async () => {
    boot({ kind: 'teams', page: 'personal', token: () => Promise.reject(new Error('resourceRequiresConsent')) });
    await until(() => root.querySelector('[data-blocked]') !== null, 'the page');
    expect(root.querySelector('[data-blocked]')?.textContent).toContain('resourceRequiresConsent');
    expect(told).toEqual(['failed AuthFailed: Teams could not sign you in to Rapport: resourceRequiresConsent']);
    expect(hub.requests).toHaveLength(0);
  });

  it('tells Teams that sign-in failed when the hub refuses the Microsoft token', async () => {
    hub.on('GET /api/v1/me', { status: 401, body: { code: 'unauthenticated', detail: 'Your Microsoft sign-in has expired.' } });
    boot({ kind: 'teams', page: 'personal' });
    await until(() => root.querySelector('[data-blocked]') !== null, 'the page');
    expect(root.querySelector('[data-blocked]')?.textContent).toContain('Your Microsoft sign-in has expired.');
    expect(told).toEqual(['failed AuthFailed: Your Microsoft sign-in has expired.']);
  });

  it('says so when the hub cannot be reached', async () => {
    boot({ token: async () => 'rpt_x', ...{} });
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await until(() => root.querySelector('[data-blocked]') !== null, 'the page');
    expect(root.querySelector('[data-blocked] h1')?.textContent).toBe('Rapport cannot be reached');
  });
});
