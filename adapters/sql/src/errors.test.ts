import { CrmError } from '@rapport/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toStoreError } from './errors.js';
import { rapportPgTypes } from './postgres/pg-types.js';

const driverError = (fields: Record<string, unknown>, name = 'DatabaseError'): Error =>
  Object.assign(new Error(String(fields.message ?? 'driver error')), { name }, fields);

describe('toStoreError', () => {
  it("passes the caller's own errors and CrmErrors through unchanged", () => {
    const own = new TypeError('bug in the work');
    const crm = new CrmError('forbidden', 'Not yours.');
    expect(toStoreError(own)).toBe(own);
    expect(toStoreError(crm)).toBe(crm);
  });

  it('turns unique violations of either engine into a conflict naming what clashed', () => {
    const postgres = toStoreError(driverError({ code: '23505', table: 'contact_emails', detail: 'Key (email)=(ann@acme.com) already exists.' }));
    expect(postgres).toMatchObject({ code: 'conflict', details: { table: 'contact_emails' } });
    expect((postgres as Error).message).toContain('ann@acme.com');
    const sqlite = toStoreError(driverError({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: account_domains.domain' }, 'SqliteError'));
    expect(sqlite).toMatchObject({ code: 'conflict', details: { table: 'account_domains' } });
    expect((sqlite as Error).message).toContain('domain');
  });

  it('turns a value the database cannot hold into invalid input', () => {
    const nul = toStoreError(driverError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }));
    expect(nul).toMatchObject({ code: 'invalid_input' });
    expect((nul as Error).message).toContain('NUL character');
    expect((nul as Error).message).not.toContain('UTF8');
    expect((nul as Error & { cause: Error }).cause.message).toContain('0x00');
  });

  it('turns database and connection failures into unavailable', () => {
    expect(toStoreError(driverError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'Error'))).toMatchObject({ code: 'unavailable' });
    expect(toStoreError(driverError({ code: 'SQLITE_FULL', message: 'database or disk is full' }, 'SqliteError'))).toMatchObject({ code: 'unavailable' });
    const terminated = toStoreError(driverError({ code: '57P01', message: 'terminating connection due to administrator command' }));
    expect(terminated).toMatchObject({ code: 'unavailable' });
    expect((terminated as Error).message).not.toContain('administrator');
  });
});

describe('PostgreSQL type parsers', () => {
  const parseInt8 = rapportPgTypes.getTypeParser(20, 'text') as (text: string) => unknown;

  it('reads BIGINT as a number and refuses one a number would round', () => {
    expect(parseInt8('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(parseInt8('-42')).toBe(-42);
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });

  it("leaves pg's global parsers alone for other users of pg in the process", () => {
    expect((pg.types.getTypeParser(20, 'text') as (text: string) => unknown)('42')).toBe('42');
  });
});
