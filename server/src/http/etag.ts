import type { AnyRoute } from '@rapport/http';

/**
 * The ETag of a route's answer: the version of the record it returns (or of the record it wraps,
 * see `versionFrom`), quoted. Derived from the answer alone, so a replayed answer carries the
 * same ETag as the first.
 */
export function etagOf(route: AnyRoute, data: unknown): string | undefined {
  if (!route.versioned || data === null || typeof data !== 'object') return undefined;
  const record = route.versionFrom ? (data as Record<string, unknown>)[route.versionFrom] : data;
  const version = (record as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? `"${version}"` : undefined;
}
