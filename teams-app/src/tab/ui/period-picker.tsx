import { periodNames, shiftPeriod, type Period } from '../state/periods.js';

const SHORT: Record<Period, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

/**
 * Picks a report's period (day, week, month or quarter) and steps back and forth through them.
 * `anchor` is a date in the period shown, or null for the current one; `firstDay` is the shown
 * period's first day, as the hub answered. Without `future`, the current period is the last.
 */
export function PeriodPicker<P extends Period>({
  periods,
  period,
  anchor,
  firstDay,
  future = false,
  onChange,
}: {
  periods: readonly P[];
  period: P;
  anchor: string | null;
  firstDay: string;
  future?: boolean;
  onChange: (period: P, anchor: string | null) => void;
}) {
  const names = periodNames(period);
  return (
    <div class="period-picker">
      <button type="button" class="step" aria-label={names.previous} title={names.previous} onClick={() => onChange(period, shiftPeriod(firstDay, period, -1))}>
        ‹
      </button>
      <div class="segmented" role="group" aria-label="Period">
        {periods.map((p) => (
          <button key={p} type="button" aria-pressed={period === p} onClick={() => onChange(p, null)}>
            {anchor === null ? periodNames(p).current : SHORT[p]}
          </button>
        ))}
      </div>
      <button type="button" class="step" aria-label={names.next} title={names.next} disabled={!future && anchor === null} onClick={() => onChange(period, shiftPeriod(firstDay, period, 1))}>
        ›
      </button>
      {anchor !== null && (
        <button type="button" class="link" onClick={() => onChange(period, null)}>
          {`Back to ${names.current.toLowerCase()}`}
        </button>
      )}
    </div>
  );
}
