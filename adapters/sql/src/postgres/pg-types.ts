import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

const INT8_OID = 20;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`The database returned ${text}, beyond the integers JavaScript holds exactly.`);
  }
  return value;
}

/**
 * Type parsers for Rapport's pool only (pg's global parsers stay untouched): BIGINT columns
 * and counts come back as numbers, refusing any value a JavaScript number would round.
 */
export const rapportPgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
