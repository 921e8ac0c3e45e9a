import { scopeOf } from '../state/filters.js';
import { useApp, useLoad } from '../ui/app-context.js';
import { Amounts, Card, ErrorNote, Loading } from '../ui/common.js';
import { MissingRatesNote } from '../ui/reporting-total.js';

/** How many campaigns the card shows, by name. */
const SHOWN = 10;

/**
 * Campaign ROI for managers and admins: each campaign's cost, won revenue per currency, and —
 * with a reporting currency — cost, won and ROI in it, with what had no rate.
 */
export function CampaignsCard() {
  const { api, me, format, filters, revision } = useApp();
  const allowed = me.role !== 'rep';
  const rows = useLoad(async () => {
    if (!allowed) return [];
    const page = await api.call('listCampaigns', { query: { limit: 100 } });
    // A manager reads the ROI of their team's and the company-wide campaigns; an admin any.
    const mine = page.items.filter((c) => me.role === 'admin' || c.teamId === null || c.teamId === me.teamId).slice(0, SHOWN);
    return Promise.all(mine.map((c) => api.call('campaignRoi', { params: { id: c.id } })));
  }, JSON.stringify([scopeOf(filters), revision, allowed]));
  if (!allowed) return null;
  return (
    <Card title="Campaigns" aside={<span class="muted">cost against the revenue of the deals they sourced</span>}>
      {!rows.data ? (
        rows.error ? <ErrorNote error={rows.error} onRetry={rows.reload} /> : <Loading what="campaigns" />
      ) : rows.data.length === 0 ? (
        <p class="muted">No campaigns yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="data" data-section="campaigns">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col" class="num">Cost</th>
                <th scope="col" class="num">Won, per currency</th>
                <th scope="col" class="num">Won (reporting)</th>
                <th scope="col" class="num">ROI</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((roi) => {
                const r = roi.reporting;
                return (
                  <tr key={roi.campaign.id} data-campaign={roi.campaign.id}>
                    <td>{roi.campaign.name}</td>
                    <td class="num">{format.amount(roi.cost.minor, roi.cost.currency)}</td>
                    <td class="num">
                      <Amounts items={roi.byCurrency.map((c) => ({ currency: c.currency, amountMinor: c.wonMinor }))} format={format} />
                    </td>
                    <td class="num reporting-won">{r ? format.amount(r.wonMinor, r.currency) : '—'}</td>
                    <td class="num">{format.percent(r ? r.roi : roi.roi)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.data
            .filter((roi) => roi.reporting && roi.reporting.missingRates.length > 0)
            .map((roi) => (
              <div key={roi.campaign.id} class="campaign-missing" data-campaign={roi.campaign.id}>
                <span class="muted small">{`${roi.campaign.name}:`}</span>
                {roi.reporting && <MissingRatesNote reporting={roi.reporting} format={format} />}
              </div>
            ))}
        </div>
      )}
    </Card>
  );
}
