import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const PageRequest = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** Opaque: pass back the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(500).optional(),
});
export type PageRequest = z.infer<typeof PageRequest>;

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** Encodes keyset positions as an opaque, URL-safe cursor. */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  const json = JSON.stringify(values);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor made by encodeCursor; null when it was tampered with or is from elsewhere. */
export function decodeCursor(cursor: string, length: number): Array<string | number> | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const values: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(values) || values.length !== length) return null;
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    return values as Array<string | number>;
  } catch {
    return null;
  }
}
