import { z } from 'zod';
import { compareCodePoints } from '../../shared/text.js';
import type { ClosedTotal, LossRow } from '../report-queries.port.js';
import { CurrencyCount, DateRange, ratio, ScopeInfo } from '../report.schema.js';

const Breakdown = z.object({ count: z.number().int(), byCurrency: z.array(CurrencyCount) });

export const WinLoss = z.object({
  scope: ScopeInfo,
  /** Deals closed in these days. */
  range: DateRange,
  won: Breakdown,
  lost: Breakdown,
  /** won ÷ (won + lost), by count. */
  winRate: z.number().nullable(),
  /** Lost deals by reason (null: none given), most first. */
  reasons: z.array(Breakdown.extend({ reason: z.string().nullable() })),
  /** Lost deals by the competitor that won them (null: none named), most first. */
  competitors: z.array(Breakdown.extend({ competitor: z.string().nullable() })),
});
export type WinLoss = z.infer<typeof WinLoss>;

type Counted = z.infer<typeof Breakdown>;

function add(into: Counted, currency: string, count: number, amountMinor: number): void {
  into.count += count;
  const seen = into.byCurrency.find((c) => c.currency === currency);
  if (seen) {
    seen.count += count;
    seen.amountMinor += amountMinor;
  } else into.byCurrency.push({ currency, count, amountMinor });
  into.byCurrency.sort((a, b) => compareCodePoints(a.currency, b.currency));
}

function grouped<K extends 'reason' | 'competitor'>(rows: readonly LossRow[], key: K, value: (r: LossRow) => string | null): Array<Counted & Record<K, string | null>> {
  const groups = new Map<string | null, Counted>();
  for (const r of rows) {
    const group = groups.get(value(r)) ?? { count: 0, byCurrency: [] };
    add(group, r.currency, r.count, r.amountMinor);
    groups.set(value(r), group);
  }
  return [...groups]
    .sort(([a, x], [b, y]) => y.count - x.count || (a === null ? 1 : b === null ? -1 : compareCodePoints(a, b)))
    .map(([name, counted]) => ({ [key]: name, ...counted }) as Counted & Record<K, string | null>);
}

/** Lost reasons and competitors by count and amount, beside what was won, over one period. */
export function winLossFigures(closed: readonly ClosedTotal[], losses: readonly LossRow[]): Pick<WinLoss, 'won' | 'lost' | 'winRate' | 'reasons' | 'competitors'> {
  const won: Counted = { count: 0, byCurrency: [] };
  const lost: Counted = { count: 0, byCurrency: [] };
  for (const c of closed) add(c.status === 'won' ? won : lost, c.currency, c.count, c.amountMinor);
  return {
    won,
    lost,
    winRate: ratio(won.count, won.count + lost.count),
    reasons: grouped(losses, 'reason', (r) => r.reason),
    competitors: grouped(losses, 'competitor', (r) => r.competitor),
  };
}
