import { missingRatesSentence, type MissingRate } from '@rapport/core';
import type { Format } from './format.js';

/** A report's figures in the reporting currency, as the hub answers them (null: none is set). */
export interface Reporting {
  currency: string;
  missingRates: MissingRate[];
}

/** The plain sentence under a reporting total when amounts had no rate; nothing when none was missing. */
export function MissingRatesNote({ reporting, format, leftOutOf = 'total' }: { reporting: Reporting; format: Format; leftOutOf?: 'total' | 'ranking' }) {
  if (reporting.missingRates.length === 0) return null;
  return (
    <p class="note warn missing-rates" role="note" data-currency={reporting.currency}>
      {missingRatesSentence(reporting.currency, reporting.missingRates, format.locale, leftOutOf)}
    </p>
  );
}

/**
 * Totals in the reporting currency beside the per-currency ones: each labelled figure in that
 * currency, then what was left out for want of a rate. Renders nothing without a reporting currency.
 */
export function ReportingTotal({ reporting, figures, format }: { reporting: Reporting | null | undefined; figures: ReadonlyArray<{ label: string; minor: number }>; format: Format }) {
  if (!reporting) return null;
  return (
    <div class="reporting-total" data-currency={reporting.currency}>
      <span class="reporting-figures">
        {figures.map((f, i) => (
          <span key={f.label} class="reporting-figure" data-figure={f.label}>
            {i === 0 ? <strong>{format.amount(f.minor, reporting.currency)}</strong> : format.amount(f.minor, reporting.currency)}
            <span class="muted">{` ${f.label}`}</span>
          </span>
        ))}
        <span class="muted small">{`in ${reporting.currency}, the reporting currency`}</span>
      </span>
      <MissingRatesNote reporting={reporting} format={format} />
    </div>
  );
}
