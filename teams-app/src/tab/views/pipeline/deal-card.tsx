import type { Deal, Pipeline } from '@rapport/core';
import { useState } from 'preact/hooks';
import { Avatar, daysSince } from '../../ui/common.js';
import type { Format } from '../../ui/format.js';

export interface CardInfo {
  deal: Deal;
  /** Null until the account's name has arrived. */
  account: string | null;
  owner: string;
  stale: boolean;
}

/**
 * A deal on the board: account, title, amount, close date, owner, days in stage and a stale
 * flag. It opens the deal's panel; a manager drags it to another column or picks a stage from
 * its menu.
 */
export function DealCard({ info, pipeline, format, canMove, onOpen, onMove }: { info: CardInfo; pipeline: Pipeline; format: Format; canMove: boolean; onOpen(): void; onMove(stageId: string): void }) {
  const { deal } = info;
  const [menu, setMenu] = useState(false);
  const days = daysSince(deal.stageEnteredAt);
  return (
    <article
      class={`deal-card${info.stale ? ' stale' : ''}`}
      data-deal={deal.id}
      draggable={canMove}
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', deal.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <button type="button" class="deal-open" onClick={onOpen} aria-label={`Open ${deal.title}`}>
        <span class={`deal-account${info.account === null ? ' pending' : ''}`}>{info.account ?? '…'}</span>
        <span class="deal-title">{deal.title}</span>
      </button>
      <div class="deal-figures">
        <span class="deal-amount">{format.amount(deal.amount.minor, deal.amount.currency)}</span>
        <span class="deal-close" title="Expected close">
          {deal.expectedCloseDate ? format.date(deal.expectedCloseDate) : 'No close date'}
        </span>
      </div>
      <div class="deal-meta">
        <span class="deal-owner">
          <Avatar name={info.owner} />
          {info.owner}
        </span>
        <span class="deal-days" title="Days in this stage">{`${format.count(days)} d in stage`}</span>
        {info.stale && <span class="badge stale-badge">Stale</span>}
        {canMove && (
          <button type="button" class="icon-button" aria-haspopup="menu" aria-expanded={menu} aria-label={`Move ${deal.title} to another stage`} onClick={() => setMenu(!menu)}>
            ⋯
          </button>
        )}
      </div>
      {menu && (
        <div class="menu" role="menu">
          {pipeline.stages
            .filter((s) => s.id !== deal.stageId)
            .map((s) => (
              <button
                key={s.id}
                type="button"
                role="menuitem"
                data-stage={s.id}
                onClick={() => {
                  setMenu(false);
                  onMove(s.id);
                }}
              >
                {`Move to ${s.name}`}
              </button>
            ))}
        </div>
      )}
    </article>
  );
}
