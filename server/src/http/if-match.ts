import { invalidInput } from '@rapport/core';

/** Reads If-Match ("3", W/"3", 3; "*" means any) into the version the client expects. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*' || header.trim() === '') return undefined;
  const value = header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  const version = Number(value);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw invalidInput('If-Match must be the ETag you received, such as "3".', [{ path: 'If-Match', message: `Not a version: ${header}` }]);
  }
  return version;
}
