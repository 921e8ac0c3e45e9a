import { z } from 'zod';
import { DisplayName, Id, Instant } from '../shared/schema.js';

/** A personal access token. Only its SHA-256 hash is stored; the secret is shown once. */
export const AccessToken = z.object({
  id: Id,
  userId: Id,
  name: DisplayName(100),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The first characters of the secret, so people can tell their tokens apart. */
  prefix: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type AccessToken = z.infer<typeof AccessToken>;
