import type { Target } from './target.schema.js';

export interface TargetFilter {
  userIds?: readonly string[];
  /** Months "2026-01" … "2026-03", both included. */
  fromMonth: string;
  toMonth: string;
}

export interface TargetRepository {
  get(id: string): Promise<Target | null>;
  /** Ordered by user id, month, then currency. A filter spans at most a few years, so this list is not paged. */
  list(filter: TargetFilter): Promise<Target[]>;
  /** A second target for the same user, month and currency throws `conflict`. */
  insert(target: Target): Promise<void>;
  /** Optimistic on `version`, like every versioned record; a clash on user, month and currency throws `conflict`. */
  update(next: Target): Promise<boolean>;
  delete(id: string): Promise<void>;
}
