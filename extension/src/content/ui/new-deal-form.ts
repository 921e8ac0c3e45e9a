import { ask, AskError } from '../../shared/ask.js';
import type { PipelineView, WriteResult } from '../../shared/views.js';
import { h, minorUnits } from './dom.js';

export interface NewDealFor {
  accountId: string;
  accountName: string;
  contactId: string | null;
  /** The currency to start with (the account's other deals'), changeable. */
  currency: string;
  pipelines: PipelineView[];
  /** Told what happened, for a toast or a status line; `error` when nothing was created. */
  said(message: string, kind: 'info' | 'error'): void;
  /** After the deal was created (or queued). */
  done(): void;
}

/**
 * The "New deal" form, the same on the Gmail card and in the popup: title, amount and
 * currency, stage and close date. Against a hub the deal is created through the outbox; in
 * local mode it is created in this browser at once.
 */
export function newDealForm(target: NewDealFor): HTMLFormElement {
  // A new deal starts in an open stage of the pipeline picked (the default, listed first, until one is).
  const openStages = (id: string) => (target.pipelines.find((p) => p.id === id)?.stages ?? []).filter((s) => s.outcome === undefined);
  const stages = openStages(target.pipelines[0]?.id ?? '');
  const pipeline = h('select', { name: 'pipeline', 'aria-label': 'Pipeline' }, ...target.pipelines.map((p) => h('option', { value: p.id }, p.name)));
  const title = h('input', { name: 'title', value: `${target.accountName} deal`, required: true, 'aria-label': 'Deal title' });
  const amount = h('input', { name: 'amount', inputmode: 'decimal', value: '0', 'aria-label': 'Amount' });
  const currency = h('input', { name: 'currency', value: target.currency, maxlength: '3', size: '3', 'aria-label': 'Currency' });
  const stage = h('select', { name: 'stage', 'aria-label': 'Stage' }, ...stages.map((s) => h('option', { value: s.id }, s.name)));
  pipeline.addEventListener('change', () => stage.replaceChildren(...openStages(pipeline.value).map((s) => h('option', { value: s.id }, s.name))));
  const close = h('input', { name: 'close', type: 'date', 'aria-label': 'Close date' });
  const submit = h('button', { class: 'btn primary', type: 'submit' }, 'Create deal');
  const form = h(
    'form',
    { class: 'edit', 'data-form': 'new-deal' },
    h('label', {}, 'Title', title),
    h('div', { class: 'inline' }, h('label', {}, 'Amount', amount), h('label', {}, 'Currency', currency)),
    target.pipelines.length > 1 ? h('label', {}, 'Pipeline', pipeline) : null,
    stages.length > 0 ? h('label', {}, 'Stage', stage) : null,
    h('label', {}, 'Close date', close),
    h('div', { class: 'inline' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = currency.value.trim().toUpperCase();
    let digits: number;
    try {
      digits = minorUnits(code);
    } catch {
      return target.said(`“${currency.value}” is not a currency code such as EUR or USD.`, 'error');
    }
    const minor = Math.round(Number(amount.value.replace(/[\s,]/g, '')) * 10 ** digits);
    if (!Number.isFinite(minor) || minor < 0) return target.said(`The amount “${amount.value}” is not a number.`, 'error');
    const name = title.value.trim() || `${target.accountName} deal`;
    submit.disabled = true;
    void ask<WriteResult>({
      type: 'deal.create',
      label: `Create deal ${name}`,
      deal: { title: name, accountId: target.accountId, primaryContactId: target.contactId, amount: { minor, currency: code }, ...(target.pipelines.length > 1 && pipeline.value ? { pipelineId: pipeline.value } : {}), ...(stage.value ? { stageId: stage.value } : {}), expectedCloseDate: close.value || null },
    }).then(
      (result) => {
        target.said(result.queued ? `${name}: saved here, created when you are back online.` : `${name} created.`, 'info');
        target.done();
      },
      (error: unknown) => {
        submit.disabled = false;
        target.said(error instanceof AskError ? error.message : 'Could not create the deal.', 'error');
      },
    );
  });
  return form;
}
