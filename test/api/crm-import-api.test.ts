import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { useEngineHub } from '../support/engine-hub.js';

const fixture = (name: string): { name: string; content: string } => ({ name, content: readFileSync(fileURLToPath(new URL(`../fixtures/crm-exports/hubspot/${name}`, import.meta.url)), 'utf8') });

describe.each(ENGINES)('imports over the API on $engine', ({ engine, available }) => {
  const hub = useEngineHub(engine, available);

  it.skipIf(!available)('uploads a HubSpot export, previews it, runs it in the background and reports progress and rejected rows', async () => {
    const t = hub.t;
    const body = { files: ['hubspot-contacts.csv', 'hubspot-companies.csv', 'hubspot-deals.csv'].map(fixture) };
    const forbidden = await t.request('ann', 'POST', '/api/v1/imports', { body });
    expect(forbidden.status).toBe(403);

    const created = await t.request('admin', 'POST', '/api/v1/imports', { body });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { id: string; status: string; files: Array<{ name: string; kind: string }>; preview: Record<string, { create: number; reject: number }>; rejected: Array<{ reason: string }> };
    expect(job.status).toBe('previewed');
    expect(job.files.map((f) => [f.name, f.kind])).toEqual([['hubspot-companies.csv', 'account'], ['hubspot-contacts.csv', 'contact'], ['hubspot-deals.csv', 'deal']]);
    expect(job.preview.account).toMatchObject({ create: 3, reject: 2 });
    expect(job.rejected.map((r) => r.reason)).toContain('Bad email: "not-an-email".');
    expect((await t.request('admin', 'GET', '/api/v1/accounts')).status).toBe(200);
    expect(((await (await t.request('admin', 'GET', '/api/v1/accounts')).json()) as { items: unknown[] }).items).toEqual([]);

    const started = await t.request('admin', 'POST', `/api/v1/imports/${job.id}/run`);
    expect(started.status).toBe(200);
    let progress = (await started.json()) as { status: string; rowsDone: number; rowsTotal: number; counts: Record<string, { create: number }> };
    for (let i = 0; i < 200 && progress.status !== 'done' && progress.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = (await (await t.request('admin', 'GET', `/api/v1/imports/${job.id}`)).json()) as typeof progress;
    }
    expect(progress).toMatchObject({ status: 'done', rowsDone: 19, rowsTotal: 19, counts: { account: { create: 3 }, contact: { create: 4 }, deal: { create: 3 } } });
    const rejected = (await (await t.request('admin', 'GET', `/api/v1/imports/${job.id}/rejected?limit=2`)).json()) as { items: Array<{ file: string; line: number }> };
    expect(rejected.items.map((r) => `${r.file}:${r.line}`)).toEqual(['hubspot-companies.csv:5', 'hubspot-companies.csv:6']);
    expect((await t.request('admin', 'GET', '/api/v1/imports/imp_0000000000')).status).toBe(404);
  });
});
