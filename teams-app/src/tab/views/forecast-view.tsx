import type { ForecastChange, ForecastRow } from '@rapport/core';
import { useState } from 'preact/hooks';
import { ForecastChart } from '../charts/forecast-chart.js';
import { scopeOf } from '../state/filters.js';
import { lastDayOf } from '../state/periods.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Card, ErrorNote, Kpi, Loading } from '../ui/common.js';
import { PeriodPicker } from '../ui/period-picker.js';
import type { Format } from '../ui/format.js';
import { MissingRatesNote, ReportingTotal } from '../ui/reporting-total.js';

const CHANGE_LABEL: Record<ForecastChange['kind'], string> = {
  created: 'New',
  stage_moved: 'Moved',
  close_date_slipped: 'Slipped',
  close_date_pulled_in: 'Pulled in',
  amount_changed: 'Amount',
  won: 'Won',
  lost: 'Lost',
  reopened: 'Reopened',
};

function changeText(change: ForecastChange, format: Format): string {
  switch (change.kind) {
    case 'stage_moved':
      return `${change.fromStage ?? '—'} → ${change.toStage ?? '—'}`;
    case 'close_date_slipped':
    case 'close_date_pulled_in':
      return `${change.fromDate ? format.date(change.fromDate) : 'none'} → ${change.toDate ? format.date(change.toDate) : 'none'}`;
    case 'amount_changed':
      return change.fromAmount && change.toAmount ? `${format.amount(change.fromAmount.minor, change.fromAmount.currency)} → ${format.amount(change.toAmount.minor, change.toAmount.currency)}` : '';
    default:
      return format.amount(change.amount.minor, change.amount.currency);
  }
}

function RowFigures({ row, format }: { row: ForecastRow; format: Format }) {
  if (row.figures.length === 0) {
    return (
      <tr data-row={row.id ?? 'total'}>
        <th scope="row">{row.name}</th>
        <td colSpan={6} class="muted">
          Nothing closing in this period
        </td>
      </tr>
    );
  }
  return (
    <>
      {row.figures.map((f, i) => (
        <tr key={f.currency} data-row={row.id ?? 'total'} data-currency={f.currency} class={row.kind !== 'rep' ? 'strong' : ''}>
          {i === 0 && (
            <th scope="row" rowSpan={row.figures.length}>
              {row.name}
            </th>
          )}
          <td class="num">{format.amount(f.closedWonMinor, f.currency)}</td>
          <td class="num">{format.amount(f.commitMinor, f.currency)}</td>
          <td class="num">{format.amount(f.bestCaseMinor, f.currency)}</td>
          <td class="num">{format.amount(f.weightedPipelineMinor, f.currency)}</td>
          <td class="num">{f.targetMinor === null ? '—' : format.amount(f.targetMinor, f.currency)}</td>
          <td class="num">{format.percent(f.attainment)}</td>
        </tr>
      ))}
    </>
  );
}

/** The forecast of a month or quarter against target, as a chart per currency, per rep, and what changed since last week. */
export function ForecastView() {
  const { api, filters, format, openDeal, revision } = useApp();
  const [{ period, anchor }, setShown] = useState<{ period: 'month' | 'quarter'; anchor: string | null }>({ period: 'quarter', anchor: null });
  const scope = scopeOf(filters);
  const forecast = useLoad(async () => {
    const f = await api.call('forecast', { query: { period, ...(anchor ? { date: lastDayOf(anchor, period) } : {}), ...(scope ? { scope } : {}) } });
    // The period's targets, for their total in the reporting currency (the forecast has them per currency).
    const targets = f.reporting ? await api.call('listTargets', { query: { from: f.range.firstDay.slice(0, 7), to: f.range.lastDay.slice(0, 7), ...(scope ? { scope } : {}) } }) : null;
    return { f, targets };
  }, JSON.stringify([scope, period, anchor, revision]));
  if (!forecast.data) return forecast.error ? <ErrorNote error={forecast.error} onRetry={forecast.reload} /> : <Loading what="the forecast" />;
  const { f, targets } = forecast.data;
  const r = f.reporting;
  const rows = [...f.reps, ...(f.teams.length > 1 ? f.teams : []), f.total];
  return (
    <div class="forecast-view" data-ready={forecast.loading ? 'false' : 'true'} data-first-day={f.range.firstDay}>
      <div class="toolbar">
        <PeriodPicker periods={['month', 'quarter'] as const} period={period} anchor={anchor} firstDay={f.range.firstDay} future onChange={(p, a) => setShown({ period: p, anchor: a })} />
        <span class="muted">{`${f.scope.name} · ${format.range(f.range.firstDay, f.range.lastDay)}`}</span>
      </div>
      <div class="grid two">
        <Card title="Forecast against target">
          {r && (
            <>
              <ReportingTotal
                reporting={r}
                figures={[
                  { label: 'closed won', minor: r.closedWonMinor },
                  { label: 'commit', minor: r.commitMinor },
                  { label: 'best case', minor: r.bestCaseMinor },
                  { label: 'weighted', minor: r.weightedPipelineMinor },
                  ...(targets?.reporting && targets.items.length > 0 ? [{ label: 'target', minor: targets.reporting.targetMinor }] : []),
                ]}
                format={format}
              />
              {targets?.reporting && <MissingRatesNote reporting={targets.reporting} format={format} />}
            </>
          )}
          {f.total.figures.length === 0 ? (
            <p class="muted">No deals won or expected to close in this period.</p>
          ) : (
            f.total.figures.map((fig) => (
              <div key={fig.currency} class="forecast-currency" data-currency={fig.currency}>
                <div class="kpis">
                  <Kpi label={`Attainment (${fig.currency})`} value={format.percent(fig.attainment)} hint={fig.targetMinor === null ? 'no target set' : `of ${format.amount(fig.targetMinor, fig.currency)}`} />
                  <Kpi label="Quarter to date" value={format.percent(fig.quarterToDate.attainment)} hint={format.amount(fig.quarterToDate.wonMinor, fig.currency)} />
                  <Kpi label="Year to date" value={format.percent(fig.yearToDate.attainment)} hint={format.amount(fig.yearToDate.wonMinor, fig.currency)} />
                </div>
                <ForecastChart figures={fig} format={format} />
              </div>
            ))
          )}
        </Card>
        <Card title="What changed since last week" class="changes">
          {f.changes.length === 0 ? (
            <p class="muted">Nothing changed since {format.date(f.changesSince)}.</p>
          ) : (
            <ul class="change-list" data-section="changes">
              {f.changes.slice(0, 40).map((c) => (
                <li key={`${c.dealId}-${c.kind}-${c.at}`} data-kind={c.kind}>
                  <span class={`badge change-${c.kind}`}>{CHANGE_LABEL[c.kind]}</span>
                  <button type="button" class="link" onClick={() => openDeal(c.dealId)}>
                    {c.dealTitle}
                  </button>
                  <span class="change-what">{changeText(c, format)}</span>
                  <span class="muted small">{`${c.owner?.name ?? ''} · ${format.date(c.at)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="By rep">
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col" class="num">Closed won</th>
                <th scope="col" class="num">Commit</th>
                <th scope="col" class="num">Best case</th>
                <th scope="col" class="num">Weighted</th>
                <th scope="col" class="num">Target</th>
                <th scope="col" class="num">Attainment</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <RowFigures key={`${row.kind}-${row.id}`} row={row} format={format} />
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
