import type { Segment } from '@rapport/core';
import { useState } from 'preact/hooks';
import { BarChart } from '../charts/bar-chart.js';
import { scopeOf } from '../state/filters.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Amounts, Card, ErrorNote, Loading } from '../ui/common.js';
import { MissingRatesNote } from '../ui/reporting-total.js';

export const SEGMENT_LABEL: Record<Segment, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  new: 'New',
  promising: 'Promising',
  at_risk: 'At risk',
  hibernating: 'Hibernating',
};

const SEGMENT_TONE: Record<Segment, 'good' | 'accent' | 'warn' | 'bad' | 'muted'> = { champions: 'good', loyal: 'good', new: 'accent', promising: 'accent', at_risk: 'bad', hibernating: 'muted' };

/** Customers by value segment (pick one to list its accounts) and the churn warnings, each account opening its card. */
export function CustomersView() {
  const { api, filters, format, openAccount, revision } = useApp();
  const [segment, setSegment] = useState<Segment>('champions');
  const scope = scopeOf(filters);
  const scoped = scope ? { scope } : {};
  const segments = useLoad(() => api.call('segments', { query: { ...scoped, segment, limit: 25 } }), JSON.stringify([scope, segment, revision]));
  const churn = useLoad(() => api.call('churnRisks', { query: { ...scoped, limit: 50 } }), JSON.stringify([scope, revision]));
  const ready = !segments.loading && !churn.loading;
  return (
    <div class="customers-view" data-ready={ready ? 'true' : 'false'}>
      <div class="grid two">
        <Card title="Value segments" aside={<span class="muted">recency, frequency and value of won deals</span>}>
          {segments.data ? (
            <>
              <BarChart
                title="Accounts per segment"
                bars={segments.data.segments.map((s) => ({
                  label: SEGMENT_LABEL[s.segment],
                  value: s.accounts,
                  text: `${format.count(s.accounts)} ${s.accounts === 1 ? 'account' : 'accounts'}`,
                  tone: SEGMENT_TONE[s.segment],
                  selected: s.segment === segment,
                  onSelect: () => setSegment(s.segment),
                }))}
              />
              <p class="muted small">{segments.data.segments.find((s) => s.segment === segment)?.rule}</p>
              <p class="muted small ranking-currency">
                {segments.data.ranking.currency ? `Value ranked in ${segments.data.ranking.currency}, the reporting currency.` : 'Value ranked within each currency: set a reporting currency to rank across currencies.'}
              </p>
              {segments.data.ranking.currency && <MissingRatesNote reporting={{ currency: segments.data.ranking.currency, missingRates: segments.data.ranking.missingRates }} format={format} leftOutOf="ranking" />}
            </>
          ) : segments.error ? (
            <ErrorNote error={segments.error} onRetry={segments.reload} />
          ) : (
            <Loading what="segments" />
          )}
        </Card>
        <Card title={`${SEGMENT_LABEL[segment]} accounts`}>
          {segments.data && segments.data.accounts.length === 0 && <p class="muted">No accounts in this segment.</p>}
          {segments.data && segments.data.accounts.length > 0 && (
            <ul class="account-list" data-section="segment-accounts">
              {segments.data.accounts.map((a) => (
                <li key={a.accountId}>
                  <button type="button" class="link" onClick={() => openAccount(a.accountId)}>
                    {a.accountName}
                  </button>
                  <span class="muted small">{`${format.count(a.orders)} won · last ${format.date(a.lastOrderAt)}`}</span>
                  <Amounts items={a.byCurrency} format={format} short />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Churn warnings" aside={<span class="muted">valuable accounts going quiet or buying less often than usual</span>}>
        {churn.data ? (
          churn.data.risks.length === 0 ? (
            <p class="muted">No valuable account is going quiet.</p>
          ) : (
            <div class="table-scroll">
              <table class="data" data-section="churn">
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Why</th>
                    <th scope="col" class="num">Silent</th>
                    <th scope="col" class="num">Since last order</th>
                    <th scope="col">Won</th>
                    <th scope="col">Owner</th>
                  </tr>
                </thead>
                <tbody>
                  {churn.data.risks.map((r) => (
                    <tr key={r.accountId} data-account={r.accountId}>
                      <td>
                        <button type="button" class="link" onClick={() => openAccount(r.accountId)}>
                          {r.accountName}
                        </button>
                      </td>
                      <td>
                        {r.reasons.map((reason) => (
                          <span key={reason} class={`badge ${reason === 'quiet' ? 'warn' : 'bad'}`}>
                            {reason === 'quiet' ? 'Gone quiet' : 'Buying less'}
                          </span>
                        ))}
                      </td>
                      <td class="num">{r.silentDays === null ? '—' : `${format.count(r.silentDays)} d${r.usualTouchIntervalDays === null ? '' : ` (usually ${format.number(r.usualTouchIntervalDays)})`}`}</td>
                      <td class="num">{`${format.count(r.daysSinceLastOrder)} d${r.usualOrderIntervalDays === null ? '' : ` (usually ${format.number(r.usualOrderIntervalDays)})`}`}</td>
                      <td>
                        <Amounts items={r.byCurrency} format={format} short />
                      </td>
                      <td>{r.owner?.name ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : churn.error ? (
          <ErrorNote error={churn.error} onRetry={churn.reload} />
        ) : (
          <Loading what="churn warnings" />
        )}
      </Card>
    </div>
  );
}
