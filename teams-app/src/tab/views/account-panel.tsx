import { useApp, useLoad } from '../ui/app-context.js';
import { daysSince, ErrorNote, Loading } from '../ui/common.js';

/** An account's customer card in a side panel: who they are, their people, open deals and the last activities. */
export function AccountPanel({ accountId, onClose }: { accountId: string; onClose(): void }) {
  const { api, format, openDeal } = useApp();
  const card = useLoad(() => api.call('card', { query: { accountId } }), accountId);
  const body = () => {
    if (!card.data) return card.error ? <ErrorNote error={card.error} onRetry={card.reload} /> : <Loading what="the account" />;
    const { account, colleagues, openDeals, lastActivities, people } = card.data;
    return (
      <>
        <header class="drawer-head">
          <h2 data-account-name>{account?.name ?? '—'}</h2>
          <div class="drawer-figures">
            {account?.industry && <span>{account.industry}</span>}
            {account?.domains.length ? <span>{account.domains.join(', ')}</span> : null}
            {account && <span>{`owner ${people[account.ownerId]?.name ?? '—'}`}</span>}
          </div>
        </header>
        <section aria-label="Open deals">
          <h3>Open deals</h3>
          {openDeals.length === 0 ? (
            <p class="muted">No open deals.</p>
          ) : (
            <ul class="timeline">
              {openDeals.map((d) => (
                <li key={d.deal.id}>
                  <button type="button" class="link" onClick={() => openDeal(d.deal.id)}>
                    {d.deal.title}
                  </button>
                  <span>{`${d.stageName} · ${format.amount(d.deal.amount.minor, d.deal.amount.currency)}`}</span>
                  <span class="muted">{`${format.count(d.daysInStage)} d in stage`}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="People">
          <h3>People</h3>
          <ul class="timeline">
            {colleagues.map((c) => (
              <li key={c.id}>
                <span>{c.name}</span>
                <span class="muted">{[c.title, c.emails[0]].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Last activities">
          <h3>Last activities</h3>
          <ul class="timeline">
            {lastActivities.map((a) => (
              <li key={a.id}>
                <span class="when">{format.when(a.occurredAt)}</span>
                <span>{a.subject ?? a.type}</span>
                <span class="muted">{`${people[a.authorId]?.name ?? ''} · ${format.count(daysSince(a.occurredAt))} d ago`}</span>
              </li>
            ))}
          </ul>
        </section>
      </>
    );
  };
  return (
    <aside class="drawer" role="dialog" aria-modal="false" aria-label="Account" data-panel="account">
      <button type="button" class="icon-button close" aria-label="Close" onClick={onClose}>
        ✕
      </button>
      {body()}
    </aside>
  );
}
