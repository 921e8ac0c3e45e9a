import type { RepActivity } from '@rapport/core';
import { useState } from 'preact/hooks';
import { MixBar } from '../charts/mix-bar.js';
import { scopeOf } from '../state/filters.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Amounts, Card, ErrorNote, Loading } from '../ui/common.js';
import { PeriodPicker } from '../ui/period-picker.js';

const PERIODS = ['day', 'week', 'month'] as const;

const TYPES = ['email', 'call', 'meeting', 'note', 'chat'] as const;
const TYPE_LABEL: Record<(typeof TYPES)[number], string> = { email: 'Emails', call: 'Calls', meeting: 'Meetings', note: 'Notes', chat: 'Chats' };

/** What each rep did in a day, week or month: a table, with each rep's mix of activities as a small chart. */
export function ActivityView() {
  const { api, filters, format, revision } = useApp();
  const [{ period, anchor }, setShown] = useState<{ period: (typeof PERIODS)[number]; anchor: string | null }>({ period: 'week', anchor: null });
  const scope = scopeOf(filters);
  const report = useLoad(
    () => api.call('activityReport', { query: { period, ...(anchor ? { date: anchor } : {}), ...(scope ? { scope } : {}) } }),
    JSON.stringify([scope, period, anchor, revision]),
  );
  if (!report.data) return report.error ? <ErrorNote error={report.error} onRetry={report.reload} /> : <Loading what="the activity report" />;
  const r = report.data;
  const rows: RepActivity[] = [...r.reps, ...(r.teams.length > 1 ? r.teams : []), r.total];
  const max = Math.max(1, ...r.reps.map((x) => x.activities.total));
  return (
    <div class="activity-view" data-ready={report.loading ? 'false' : 'true'} data-first-day={r.range.firstDay}>
      <div class="toolbar">
        <PeriodPicker periods={PERIODS} period={period} anchor={anchor} firstDay={r.range.firstDay} onChange={(p, a) => setShown({ period: p, anchor: a })} />
        <span class="muted">{`${r.scope.name} · ${r.range.firstDay === r.range.lastDay ? format.date(r.range.firstDay) : format.range(r.range.firstDay, r.range.lastDay)}`}</span>
        <span class="legend">
          {TYPES.map((t, i) => (
            <span key={t} class="legend-item">
              <span class={`swatch tone-step-${i}`} />
              {TYPE_LABEL[t]}
            </span>
          ))}
        </span>
      </div>
      <Card title="Rep activity">
        <div class="table-scroll">
          <table class="data activity" data-section="activity">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Mix</th>
                {TYPES.map((t) => (
                  <th key={t} scope="col" class="num">
                    {TYPE_LABEL[t]}
                  </th>
                ))}
                <th scope="col" class="num">New contacts</th>
                <th scope="col" class="num">Deals created</th>
                <th scope="col" class="num">Moved</th>
                <th scope="col">Won</th>
                <th scope="col">Lost</th>
                <th scope="col" class="num">Reminders done</th>
                <th scope="col" class="num">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`} data-row={row.id ?? 'total'} class={row.kind !== 'rep' ? 'strong' : ''}>
                  <th scope="row">{row.name}</th>
                  <td>
                    {row.kind === 'rep' && (
                      <MixBar title={`${row.name}: ${TYPES.map((t) => `${row.activities[t]} ${TYPE_LABEL[t].toLowerCase()}`).join(', ')}`} max={max} parts={TYPES.map((t) => ({ key: t, label: TYPE_LABEL[t], value: row.activities[t] }))} />
                    )}
                  </td>
                  {TYPES.map((t) => (
                    <td key={t} class="num">
                      {format.count(row.activities[t])}
                    </td>
                  ))}
                  <td class="num">{format.count(row.contactsCreated)}</td>
                  <td class="num">{format.count(row.dealsCreated.count)}</td>
                  <td class="num">{format.count(row.dealsMoved.count)}</td>
                  <td>
                    <span class="num-inline">{format.count(row.dealsWon.count)}</span> <Amounts items={row.dealsWon.byCurrency} format={format} short />
                  </td>
                  <td>
                    <span class="num-inline">{format.count(row.dealsLost.count)}</span> <Amounts items={row.dealsLost.byCurrency} format={format} short />
                  </td>
                  <td class="num">{format.count(row.remindersCompleted)}</td>
                  <td class={`num${row.remindersOverdue > 0 ? ' bad' : ''}`}>{format.count(row.remindersOverdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
