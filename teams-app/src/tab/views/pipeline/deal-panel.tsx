import { cardFields, type Activity, type CardField, type Deal, type StageChange } from '@rapport/core';
import { useState } from 'preact/hooks';
import { useApp, useLoad } from '../../ui/app-context.js';
import { ErrorNote, errorText, Loading } from '../../ui/common.js';

interface DealDetail {
  deal: Deal;
  account: string;
  history: StageChange[];
  activities: Activity[];
  days: Map<string, number>;
  /** The deal's custom fields shown on cards, in position order. */
  fields: CardField[];
}

const ACTIVITY_LABEL: Record<Activity['type'], string> = { email: 'Email', call: 'Call', meeting: 'Meeting', note: 'Note', chat: 'Chat' };

/** One deal in a side panel: its figures, its stage history with who moved it and when, and its activities. */
export function DealPanel({ dealId, onClose }: { dealId: string; onClose(): void }) {
  const { api, pipeline, format, me, host, openAccount, changed } = useApp();
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const detail = useLoad(async (): Promise<DealDetail> => {
    const [deal, history, activities, times, definitions] = await Promise.all([
      api.call('getDeal', { params: { id: dealId } }),
      api.call('dealHistory', { params: { id: dealId } }),
      api.call('listActivities', { query: { dealId, limit: 20 } }),
      api.call('stageTimes', { query: { dealId, scope: 'me' } }).catch(() => null),
      api.call('listCustomFields', { query: { objectType: 'deal' } }).then((r) => r.items, () => []),
    ]);
    const accounts = await api.accountNames([deal.accountId]);
    const userNames = new Map<string, string>();
    for (const value of Object.values(deal.customFields)) {
      const name = typeof value === 'string' ? api.person(value)?.name : undefined;
      if (typeof value === 'string' && name) userNames.set(value, name);
    }
    const fields = cardFields(definitions, deal, { locale: host.locale, userNames });
    return { deal, account: accounts.get(deal.accountId) ?? '—', history: history.items, activities: activities.items, days: new Map((times?.deal?.stages ?? []).map((s) => [s.stageId, s.days])), fields };
  }, dealId);

  const stageName = (id: string | null) => (id === null ? '—' : (pipeline.stages.find((s) => s.id === id)?.name ?? id));
  const person = (id: string | null) => (id === null ? 'Rapport' : (api.person(id)?.name ?? 'Someone'));

  const move = async (deal: Deal, stageId: string) => {
    setNote(null);
    try {
      const moved = await api.moveStage(deal, stageId);
      setNote({ kind: 'ok', text: `Moved to ${stageName(moved.stageId)}.` });
    } catch (error) {
      setNote({ kind: 'error', text: errorText(error) });
    }
    detail.reload();
    changed();
  };

  const body = () => {
    if (!detail.data) return detail.error ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : <Loading what="the deal" />;
    const { deal, account, history, activities, days, fields } = detail.data;
    const mayMove = deal.status === 'open' && (me.role !== 'rep' || deal.ownerId === me.id || deal.collaboratorIds.includes(me.id));
    return (
      <>
        <header class="drawer-head">
          <button type="button" class="link account-link" onClick={() => openAccount(deal.accountId)}>
            {account}
          </button>
          <h2 data-deal-title>{deal.title}</h2>
          <div class="drawer-figures">
            <span class="big">{format.amount(deal.amount.minor, deal.amount.currency)}</span>
            <span>{`${format.percent(deal.probability / 100)} · ${deal.status === 'open' ? stageName(deal.stageId) : deal.status}`}</span>
            <span>{deal.expectedCloseDate ? `closes ${format.date(deal.expectedCloseDate)}` : 'no close date'}</span>
            <span>{`owner ${person(deal.ownerId)}`}</span>
          </div>
          <div class="drawer-actions">
            {mayMove && (
              <label class="inline">
                <span>Stage</span>
                <select aria-label="Move to stage" value={deal.stageId} onChange={(e) => void move(deal, (e.currentTarget as HTMLSelectElement).value)}>
                  {pipeline.stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              class="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(host.dealLink(deal.id)).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? 'Link copied' : 'Copy link'}
            </button>
          </div>
          {note && (
            <div class={`note ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
              {note.text}
            </div>
          )}
        </header>
        {fields.length > 0 && (
          <section aria-label="Fields">
            <dl class="fields" data-section="fields">
              {fields.map((f) => (
                <div key={f.key} data-field={f.key}>
                  <dt>{f.label}</dt>
                  <dd>{f.display}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        <section aria-label="Stage history">
          <h3>Stage history</h3>
          <ol class="timeline" data-section="history">
            {[...history].reverse().map((h) => (
              <li key={h.id}>
                <span class="when">{format.when(h.at)}</span>
                <span>
                  {h.fromStageId === null && h.fromStatus === null
                    ? `Created in ${stageName(h.stageId)}`
                    : h.status !== 'open'
                      ? `${h.status[0]?.toUpperCase()}${h.status.slice(1)} in ${stageName(h.stageId)}`
                      : h.fromStatus !== null && h.fromStatus !== 'open'
                        ? `Reopened in ${stageName(h.stageId)}`
                        : `${stageName(h.fromStageId)} → ${stageName(h.stageId)}`}
                </span>
                <span class="muted">{person(h.actorId)}</span>
              </li>
            ))}
          </ol>
          {days.size > 0 && (
            <p class="muted small">
              {pipeline.stages
                .filter((s) => days.has(s.id))
                .map((s) => `${s.name} ${format.days(days.get(s.id) ?? 0)}`)
                .join(' · ')}
            </p>
          )}
        </section>
        <section aria-label="Activities">
          <h3>Activities</h3>
          {activities.length === 0 ? (
            <p class="muted">Nothing logged on this deal yet.</p>
          ) : (
            <ul class="timeline" data-section="activities">
              {activities.map((a) => (
                <li key={a.id}>
                  <span class="when">{format.when(a.occurredAt)}</span>
                  <span>
                    <span class={`badge type-${a.type}`}>{ACTIVITY_LABEL[a.type]}</span> {a.subject ?? a.body?.slice(0, 120) ?? ''}
                  </span>
                  <span class="muted">{person(a.authorId)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  };

  return (
    <aside class="drawer" role="dialog" aria-modal="false" aria-label="Deal" data-panel="deal">
      <button type="button" class="icon-button close" aria-label="Close" onClick={onClose}>
        ✕
      </button>
      {body()}
    </aside>
  );
}
