import { BarChart } from '../charts/bar-chart.js';
import { scopeOf } from '../state/filters.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Amounts, Card, ErrorNote, Kpi, Loading } from '../ui/common.js';

/** Why deals were lost and to whom, beside what was won, over the last 90 days. */
export function WinLossView() {
  const { api, filters, pipeline, format, revision } = useApp();
  const scope = scopeOf(filters);
  const data = useLoad(() => api.call('winLoss', { query: { pipelineId: pipeline.id, ...(scope ? { scope } : {}) } }), JSON.stringify([scope, pipeline.id, revision]));
  if (!data.data) return data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : <Loading what="win/loss" />;
  const w = data.data;
  const amountsOf = (items: ReadonlyArray<{ currency: string; amountMinor: number }>) => items.map((i) => format.shortAmount(i.amountMinor, i.currency)).join(' · ');
  return (
    <div class="win-loss-view" data-ready={data.loading ? 'false' : 'true'}>
      <div class="kpis wide">
        <Kpi label="Win rate" value={format.percent(w.winRate)} hint={format.range(w.range.firstDay, w.range.lastDay)} />
        <div class="kpi">
          <div class="kpi-value good">{format.count(w.won.count)}</div>
          <div class="kpi-label">Won</div>
          <div class="kpi-hint">
            <Amounts items={w.won.byCurrency} format={format} short />
          </div>
        </div>
        <div class="kpi">
          <div class="kpi-value bad">{format.count(w.lost.count)}</div>
          <div class="kpi-label">Lost</div>
          <div class="kpi-hint">
            <Amounts items={w.lost.byCurrency} format={format} short />
          </div>
        </div>
      </div>
      <div class="grid two">
        <Card title="Lost reasons">
          {w.reasons.length === 0 ? (
            <p class="muted">No deals lost in this period.</p>
          ) : (
            <BarChart title="Lost deals by reason" bars={w.reasons.map((r) => ({ label: r.reason ?? 'No reason given', value: r.count, text: `${format.count(r.count)} · ${amountsOf(r.byCurrency)}`, tone: 'bad' as const }))} />
          )}
        </Card>
        <Card title="Competitors">
          {w.competitors.length === 0 ? (
            <p class="muted">No deals lost in this period.</p>
          ) : (
            <BarChart title="Lost deals by competitor" bars={w.competitors.map((c) => ({ label: c.competitor ?? 'None named', value: c.count, text: `${format.count(c.count)} · ${amountsOf(c.byCurrency)}`, tone: c.competitor ? ('warn' as const) : ('muted' as const) }))} />
          )}
        </Card>
      </div>
    </div>
  );
}
