import type { Deal } from '@rapport/core';
import { useEffect, useState } from 'preact/hooks';
import { useApp, useLoad } from '../../ui/app-context.js';
import { ErrorNote, errorText, Loading } from '../../ui/common.js';
import { Picker } from '../../ui/picker.js';
import { BOARD_ORDERS, readBoardOrder, saveBoardOrder, type BoardOrder } from '../../state/board-order.js';
import { loadBoard, stageDeals, type BoardData } from './board-data.js';
import { DealCard, type CardInfo } from './deal-card.js';
import { ReportingTotal } from '../../ui/reporting-total.js';

/**
 * The pipeline board: one column per stage with its count, total and weighted amount per
 * currency, and the stage's deals as cards. Managers move a deal by dragging its card to
 * another column or from its menu; the hub checks permission and version as everywhere.
 */
export function BoardView() {
  const { api, pipeline, filters, today, format, me, openDeal, revision } = useApp();
  const [order, setOrder] = useState<BoardOrder>(() => readBoardOrder(globalThis.localStorage));
  const key = JSON.stringify([filters, pipeline.id, revision, order]);
  const board = useLoad(() => loadBoard(api, pipeline, filters, today, order), key);
  const [extra, setExtra] = useState<Record<string, BoardData['columns'][string]>>({});
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'ok' } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  // Account names come after the cards are drawn (one request per account: the API has no batch read).
  const shown = board.data ? [...Object.values(board.data.columns), ...Object.values(extra)].flatMap((c) => c.deals.map((d) => d.accountId)) : [];
  const missing = shown.filter((id) => !names.has(id));
  useEffect(() => {
    if (missing.length === 0) return;
    let stale = false;
    void api.accountNames(missing).then((found) => !stale && setNames((known) => new Map([...known, ...found])));
    return () => {
      stale = true;
    };
  }, [missing.join(',')]);

  if (!board.data) return board.error ? <ErrorNote error={board.error} onRetry={board.reload} /> : <Loading what="the pipeline" />;
  const data = board.data;
  const columnOf = (stageId: string) => extra[`${key}:${stageId}`] ?? data.columns[stageId] ?? { deals: [], next: null };
  const findDeal = (id: string): Deal | undefined => pipeline.stages.flatMap((s) => columnOf(s.id).deals).find((d) => d.id === id);
  const card = (deal: Deal): CardInfo => ({ deal, account: names.get(deal.accountId) ?? null, owner: api.person(deal.ownerId)?.name ?? '—', stale: data.staleIds.has(deal.id) });
  const mayMove = (deal: Deal) => me.role === 'admin' || me.role === 'manager' || deal.ownerId === me.id || deal.collaboratorIds.includes(me.id);

  const move = async (deal: Deal, stageId: string) => {
    if (deal.stageId === stageId) return;
    setMoving(deal.id);
    setMessage(null);
    try {
      const moved = await api.moveStage(deal, stageId);
      const stage = pipeline.stages.find((s) => s.id === moved.stageId);
      setMessage({ kind: 'ok', text: `${deal.title} moved to ${stage?.name ?? moved.stageId}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setMoving(null);
      setExtra({});
      board.reload();
    }
  };

  const more = async (stageId: string) => {
    const column = columnOf(stageId);
    if (!column.next) return;
    try {
      const page = await stageDeals(api, pipeline, stageId, { ownerIds: data.ownerIds, closeFrom: data.report.closeFrom, closeTo: data.report.closeTo, order }, column.next);
      setExtra({ ...extra, [`${key}:${stageId}`]: { deals: [...column.deals, ...page.deals], next: page.next } });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    }
  };

  const { report } = data;
  return (
    <div class="board-view" data-ready={board.loading ? 'false' : 'true'}>
      <div class="board-summary">
        <div>
          <strong>{`${format.count(report.board.count)} open deals`}</strong>
          <span class="muted">{` · ${report.scope.name}`}</span>
          {report.closeFrom && report.closeTo && <span class="muted">{` · closing ${format.range(report.closeFrom, report.closeTo)}`}</span>}
        </div>
        <Picker
          className="board-order"
          label="Order"
          name="order"
          value={order}
          choices={BOARD_ORDERS.map((o) => ({ id: o.id, name: o.label }))}
          onPick={(picked) => {
            saveBoardOrder(globalThis.localStorage, picked);
            setOrder(picked);
          }}
        />
        <div class="board-totals">
          {report.board.totals.map((t) => (
            <span key={t.currency} class="total" data-currency={t.currency}>
              <strong>{format.amount(t.amountMinor, t.currency)}</strong>
              <span class="muted">{` weighted ${format.amount(t.weightedMinor, t.currency)}`}</span>
            </span>
          ))}
        </div>
      </div>
      <ReportingTotal reporting={report.reporting} figures={report.reporting ? [{ label: 'open', minor: report.reporting.amountMinor }, { label: 'weighted', minor: report.reporting.weightedMinor }] : []} format={format} />
      {message && (
        <div class={`note ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
      <div class="board" role="list">
        {report.board.stages.map((stage) => {
          const column = columnOf(stage.stageId);
          const known = pipeline.stages.some((s) => s.id === stage.stageId);
          return (
            <section
              key={stage.stageId}
              class={`column${over === stage.stageId ? ' drop-target' : ''}`}
              role="listitem"
              aria-label={stage.stageName}
              data-stage={stage.stageId}
              onDragOver={(e) => {
                if (!known) return;
                e.preventDefault();
                setOver(stage.stageId);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const deal = findDeal(e.dataTransfer?.getData('text/plain') ?? '');
                if (deal) void move(deal, stage.stageId);
              }}
            >
              <header class="column-head">
                <div class="column-title">
                  <h3>{stage.stageName}</h3>
                  {stage.probability !== null && <span class="muted">{format.percent(stage.probability / 100)}</span>}
                  <span class="count" data-count={stage.count}>
                    {format.count(stage.count)}
                  </span>
                </div>
                <div class="column-money">
                  {stage.byCurrency.length === 0 ? (
                    <span class="muted">No open deals</span>
                  ) : (
                    stage.byCurrency.map((c) => (
                      <div key={c.currency} class="column-amount" data-currency={c.currency}>
                        <span>{format.amount(c.amountMinor, c.currency)}</span>
                        <span class="muted">{`≈ ${format.amount(c.weightedMinor, c.currency)}`}</span>
                      </div>
                    ))
                  )}
                </div>
              </header>
              <div class="cards">
                {column.deals.map((deal) => (
                  <div key={deal.id} class={moving === deal.id ? 'moving' : ''}>
                    <DealCard info={card(deal)} pipeline={pipeline} format={format} canMove={mayMove(deal)} onOpen={() => openDeal(deal.id)} onMove={(to) => void move(deal, to)} />
                  </div>
                ))}
                {column.next && (
                  <button type="button" class="more" onClick={() => void more(stage.stageId)}>
                    {`Show more (${format.count(stage.count - column.deals.length)} left)`}
                  </button>
                )}
              </div>
            </section>
          );
        })}
      </div>
      {data.staleIds.size > 0 && (
        <p class="muted small">{`Stale: longer in their stage than the team's stale factor × the stage's median (${format.count(data.staleIds.size)} in this view; see Funnel & stages).`}</p>
      )}
    </div>
  );
}
