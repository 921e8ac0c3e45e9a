import { ERROR_CODES, Id, PageRequest } from '@rapport/core';
import { z } from 'zod';

/** RFC 9457 problem details, as every error is answered. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(ERROR_CODES),
  /** Which fields are wrong, for invalid input. */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const IdParams = z.object({ id: Id });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });

/** Query-string helpers: every value arrives as text. */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(10_000, 'At most 10000 characters.')
    .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v.length > 0))
    .pipe(z.array(item));

export const PageQuery = PageRequest;

export const Empty = z.strictObject({});
