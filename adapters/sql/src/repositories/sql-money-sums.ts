import { sql } from 'kysely';

/*
 * Sums of amounts within one currency. Each amount is at most MAX_AMOUNT_MINOR (10^13 minor
 * units), and both engines add BIGINTs exactly (PostgreSQL into NUMERIC, SQLite into a 64-bit
 * integer), so a total is exact in JSON's numbers up to 2^53 − 1: over 900 amounts at the
 * maximum in one report. Read as text on PostgreSQL and turned into a number by the caller, a
 * total is never refused: past 2^53 it is the nearest number, on both engines, not a failure
 * that would hide the report from everyone.
 */

/** Σ amount_minor. */
export const AMOUNT_SUM = sql<number | string>`sum(amount_minor)`;

/** Σ floor((amount × probability + 50) / 100) in integer division: each deal rounds half up. */
export const WEIGHTED_SUM = sql<number | string>`sum((amount_minor * probability + 50) / 100)`;
