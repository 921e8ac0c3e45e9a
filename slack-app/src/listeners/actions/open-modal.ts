import { cardFields, type Actor, type Deal, type Pipeline } from '@rapport/core';
import { dealUpdateModal, type DealChoice } from '../../views/modals/deal-update.modal.js';
import { noteModal } from '../../views/modals/note.modal.js';
import { reminderModal } from '../../views/modals/reminder.modal.js';
import { identify, tell, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { originChannel, type ButtonArgs } from './action-args.js';
import { customerKey } from './pick.js';

type Opener = (deps: ListenerDeps, actor: Actor, value: string, channel: string | null, args: ButtonArgs) => Promise<void>;

/** A button that opens a modal: ack, find the person, open the modal on the button's trigger. */
function opensModal(open: Opener) {
  return (deps: ListenerDeps) =>
    async (args: ButtonArgs): Promise<void> => {
      const { ack, body, action, client } = args;
      await ack();
      const channel = originChannel(body);
      await reporting(deps, (m) => tell(client, body.user.id, channel, m), async () => {
        const who = await identify(deps, body.user.id, client);
        if (!who.ok) return void (await tell(client, body.user.id, channel, who.message));
        await open(deps, who.actor, action.value ?? '', channel, args);
      });
    };
}

async function customerName(deps: ListenerDeps, actor: Actor, id: string): Promise<string> {
  return id.startsWith('acc_') ? (await deps.services.accounts.get(actor, id)).name : (await deps.services.contacts.get(actor, id)).name;
}

/** The deals with their account names, and the pipelines they sit in (each deal's stages as configured). */
async function choicesFor(deps: ListenerDeps, deals: readonly Deal[]): Promise<{ choices: DealChoice[]; pipelines: Pipeline[] }> {
  return deps.store.read(async (uow) => {
    const accounts = await uow.accounts.getMany([...new Set(deals.map((d) => d.accountId))]);
    const pipelines = (await uow.pipelines.list()).filter((p) => deals.some((d) => d.pipelineId === p.id));
    const definitions = await uow.customFields.list({ objectType: 'deal' });
    const choices = deals.map((deal) => ({ deal, accountName: accounts.find((a) => a.id === deal.accountId)?.name ?? '', fields: cardFields(definitions, deal) }));
    return { choices, pipelines };
  });
}

/** "Update" next to a deal: the deal modal with the deal's values filled in. */
export const updateDealButton = opensModal(async (deps, actor, dealId, channel, { body, client }) => {
  const deal = await deps.services.deals.get(actor, dealId);
  const { choices, pipelines } = await choicesFor(deps, [deal]);
  if (pipelines.length === 0) throw new Error(`No pipeline ${deal.pipelineId}`);
  await client.views.open({ trigger_id: body.trigger_id, view: dealUpdateModal(choices, pipelines, { channel }) });
});

/** "Move stage" on a card: the deal modal for the card's open deal, or with a picker for several. */
export const moveStageButton = opensModal(async (deps, actor, customerId, channel, { body, client }) => {
  const card = await deps.services.cards.card(actor, customerKey(customerId));
  const { choices, pipelines } = await choicesFor(deps, card.openDeals.map((d) => d.deal));
  if (pipelines.length === 0 || choices.length === 0) throw new Error('This customer has no open deals to move.');
  await client.views.open({ trigger_id: body.trigger_id, view: dealUpdateModal(choices, pipelines, { channel }) });
});

/** "Log a note" on a card. */
export const logNoteButton = opensModal(async (deps, actor, customerId, channel, { body, client }) => {
  const name = await customerName(deps, actor, customerId);
  await client.views.open({ trigger_id: body.trigger_id, view: noteModal({ id: customerId, name }, { channel }) });
});

/** "Remind me" on a card: a reminder about the customer, tomorrow 09:00 in the person's zone to start with. */
export const remindMeButton = opensModal(async (deps, actor, customerId, channel, { body, client }) => {
  const about = customerId ? { id: customerId, name: await customerName(deps, actor, customerId) } : null;
  await client.views.open({ trigger_id: body.trigger_id, view: reminderModal({ about, timeZone: actor.user.timeZone, now: deps.clock.now(), origin: { channel } }) });
});

/** "Open in browser" is a link; Slack still tells the app it was clicked, and expects an ack. */
export const openInBrowserButton = () => async ({ ack }: Pick<ButtonArgs, 'ack'>): Promise<void> => {
  await ack();
};
