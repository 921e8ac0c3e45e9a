import { BarChart } from '../charts/bar-chart.js';
import { FunnelChart } from '../charts/funnel-chart.js';
import { scopeOf } from '../state/filters.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Avatar, Card, ErrorNote, Kpi, Loading } from '../ui/common.js';
import { ReportingTotal } from '../ui/reporting-total.js';
import { CampaignsCard } from './campaigns-card.js';

/** The funnel of the last 90 days, time in each stage, and the stale deals. */
export function FunnelView() {
  const { api, filters, pipeline, format, openDeal, revision } = useApp();
  const scope = scopeOf(filters);
  const scoped = { pipelineId: pipeline.id, ...(scope ? { scope } : {}) };
  const data = useLoad(async () => {
    const [funnel, times, stale] = await Promise.all([
      api.call('funnel', { query: scoped }),
      api.call('stageTimes', { query: scoped }),
      api.call('staleDeals', { query: { ...scoped, limit: 50 } }),
    ]);
    const accounts = await api.accountNames(stale.deals.map((s) => s.deal.accountId));
    return { funnel, times, stale, accounts };
  }, JSON.stringify([scope, pipeline.id, revision]));
  if (!data.data) return data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : <Loading what="the funnel" />;
  const { funnel, times, stale, accounts } = data.data;
  return (
    <div class="funnel-view" data-ready={data.loading ? 'false' : 'true'}>
      <div class="grid two">
        <Card title="Funnel" aside={<span class="muted">{`closed ${format.range(funnel.range.firstDay, funnel.range.lastDay)}`}</span>}>
          <div class="kpis">
            <Kpi label="Win rate" value={format.percent(funnel.winRate)} hint={`${format.count(funnel.won)} won · ${format.count(funnel.lost)} lost`} />
            <Kpi label="Sales cycle" value={funnel.averageCycleDays === null ? '—' : format.days(funnel.averageCycleDays)} hint="created to won, average" />
            {funnel.byCurrency.map((c) => (
              <Kpi key={c.currency} label={`Velocity (${c.currency})`} value={c.velocityMinorPerDay === null ? '—' : `${format.shortAmount(c.velocityMinorPerDay, c.currency)}/d`} hint={`${format.count(c.openCount)} open · avg ${c.averageDealMinor === null ? '—' : format.shortAmount(c.averageDealMinor, c.currency)}`} />
            ))}
          </div>
          <ReportingTotal reporting={funnel.reporting} figures={funnel.reporting ? [{ label: 'won', minor: funnel.reporting.wonMinor }, { label: 'open now', minor: funnel.reporting.openMinor }] : []} format={format} />
          {funnel.won + funnel.lost === 0 ? <p class="muted">No deals closed in this period.</p> : <FunnelChart funnel={funnel} format={format} />}
        </Card>
        <Card title="Time in stage" aside={<span class="muted">median, average behind</span>}>
          <BarChart
            title="Days in each stage"
            bars={times.stages.map((s) => ({
              label: s.stageName,
              value: s.medianDays ?? 0,
              ghost: s.averageDays ?? 0,
              text: s.medianDays === null ? 'no deals left it' : `${format.days(s.medianDays)} · avg ${format.days(s.averageDays ?? 0)} · ${format.count(s.deals)} deals`,
            }))}
          />
        </Card>
      </div>
      <Card title="Stale deals" aside={<span class="muted">{`in stage longer than the team's factor × the median of the last ${stale.baselineDays} days`}</span>}>
        {stale.deals.length === 0 ? (
          <p class="muted">No stale deals. Every open deal is moving at the team's usual pace.</p>
        ) : (
          <div class="table-scroll">
            <table class="data" data-section="stale">
              <thead>
                <tr>
                  <th scope="col">Deal</th>
                  <th scope="col">Account</th>
                  <th scope="col">Stage</th>
                  <th scope="col" class="num">Days in stage</th>
                  <th scope="col" class="num">Stale after</th>
                  <th scope="col" class="num">Amount</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {stale.deals.map((s) => (
                  <tr key={s.deal.id} data-deal={s.deal.id}>
                    <td>
                      <button type="button" class="link" onClick={() => openDeal(s.deal.id)}>
                        {s.deal.title}
                      </button>
                    </td>
                    <td>{accounts.get(s.deal.accountId) ?? '—'}</td>
                    <td>{s.stageName}</td>
                    <td class="num bad">{format.count(s.daysInStage)}</td>
                    <td class="num muted">{format.days(s.thresholdDays)}</td>
                    <td class="num">{format.amount(s.deal.amount.minor, s.deal.amount.currency)}</td>
                    <td>
                      {s.owner && (
                        <span class="person">
                          <Avatar name={s.owner.name} />
                          {s.owner.name}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <CampaignsCard />
    </div>
  );
}
