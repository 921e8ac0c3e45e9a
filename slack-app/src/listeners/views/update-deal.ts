import { invalidInput, parseAmount, type Actor, type Deal } from '@rapport/core';
import { dealMessage } from '../../views/deal.view.js';
import { decodeMetadata } from '../../views/modals/metadata.js';
import { readStageChoice, type DealUpdateMetadata } from '../../views/modals/deal-update.modal.js';
import { section, esc } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, refreshHome, tell, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { inputValue, type SubmitArgs } from './view-args.js';

interface DealChanges {
  stageId: string | null;
  amount: string | null;
  close: string | null;
  note: string | null;
}

/**
 * The deal modal was saved: input that cannot be read is sent back to the modal with the ack;
 * then each change goes through the deal service, against the version the modal showed.
 */
export function updateDealSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const meta = decodeMetadata<DealUpdateMetadata>(view.private_metadata);
    const changes: DealChanges = { stageId: inputValue(view, 'stage'), amount: inputValue(view, 'amount'), close: inputValue(view, 'close'), note: inputValue(view, 'note') };
    if (changes.amount !== null && parseAmount(changes.amount, meta.currency ?? 'USD') === null) {
      await ack({ response_action: 'errors', errors: { amount: 'Type an amount such as 12500, 12,500.50 or 12.5k.' } });
      return;
    }
    await ack();
    const channel = meta.channel ?? null;
    const show = (m: SlackMessage) => tell(client, body.user.id, channel, m);
    await reporting(deps, show, async () => {
      if (!(await deps.claimOnce('view', `${view.id}:${view.hash}`))) return;
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const dealId = meta.dealId ?? inputValue(view, 'deal');
      if (!dealId) throw new Error('The deal modal named no deal');
      const result = await applyChanges(deps, who.actor, dealId, meta.version ?? undefined, changes);
      await show(result);
      if (channel === null) await refreshHome(deps, who.actor, body.user.id, client);
    });
  };
}

async function applyChanges(deps: ListenerDeps, actor: Actor, dealId: string, version: number | undefined, changes: DealChanges): Promise<SlackMessage> {
  const { deals, activities, capture } = deps.services;
  let deal: Deal = await deals.get(actor, dealId);
  const done: string[] = [];
  if (changes.stageId !== null) {
    const picked = readStageChoice(changes.stageId);
    if (picked.pipelineId !== null && picked.pipelineId !== deal.pipelineId) {
      throw invalidInput(`“${deal.title}” is in another pipeline than the stage picked; pick one of its own stages.`, [{ path: 'stageId', message: 'A stage of the deal\'s pipeline.' }]);
    }
    changes.stageId = picked.stageId;
  }
  const minor = changes.amount === null ? null : parseAmount(changes.amount, deal.amount.currency);
  const edit = {
    ...(changes.stageId && changes.stageId !== deal.stageId ? { stageId: changes.stageId } : {}),
    ...(minor !== null && minor !== deal.amount.minor ? { amount: { minor, currency: deal.amount.currency } } : {}),
    ...(changes.close !== null && changes.close !== deal.expectedCloseDate ? { expectedCloseDate: changes.close } : {}),
  };
  if (Object.keys(edit).length > 0) {
    // Every changed field in one edit, against the version the modal showed; a partial refusal says what was saved.
    deal = await capture.editDeal(actor, dealId, edit, { expectedVersion: version ?? deal.version });
    done.push(...Object.keys(edit).map((k) => (k === 'stageId' ? 'stage' : k === 'amount' ? 'amount' : 'close date')));
  }
  if (changes.note) {
    await activities.log(actor, { type: 'note', dealId, body: changes.note });
    done.push('note');
  }
  const names = await deps.store.read(async (uow) => {
    const pipeline = await uow.pipelines.get(deal.pipelineId);
    const stage = (id: string) => pipeline?.stages.find((s) => s.id === id)?.name ?? id;
    return { accountName: (await uow.accounts.get(deal.accountId))?.name ?? '', stageName: stage(deal.stageId) };
  });
  if (done.length === 0) {
    const text = `Nothing to change on “${deal.title}”.`;
    return { text: esc(text), blocks: [section(esc(text))] };
  }
  const summary = `Updated “${deal.title}”: ${done.join(', ')}.`;
  return dealMessage({ deal, changed: true, accountName: names.accountName, stageName: names.stageName, summary });
}
