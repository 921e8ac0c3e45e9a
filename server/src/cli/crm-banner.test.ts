import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasConnectors } from '@rapport/core';
import { aConnection } from '@rapport/core/testing';
import { createSqliteStore } from '@rapport/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCrm } from './crm-banner.js';

describe('the start-up line about the connected CRM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-crm-banner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says when Rapport is the system of record, and otherwise what it is connected to and how that stands', async () => {
    const store = await createSqliteStore({ file: join(dir, 'rapport.db') });
    try {
      expect(await describeCrm(store)).toMatch(/^none: Rapport is the system of record/);
      await store.transaction(async (uow) => {
        if (hasConnectors(uow)) await uow.connectors.saveConnection(aConnection({ label: 'HubSpot portal 42', status: 'revoked', lastError: 'HubSpot refused the token.' }));
      });
      expect(await describeCrm(store)).toBe('HubSpot portal 42, revoked (HubSpot refused the token.), last sync never');
    } finally {
      await store.close();
    }
  });
});
