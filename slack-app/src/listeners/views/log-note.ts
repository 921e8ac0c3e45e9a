import { decodeMetadata } from '../../views/modals/metadata.js';
import type { NoteMetadata } from '../../views/modals/note.modal.js';
import { esc, section } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, tell, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { inputValue, type SubmitArgs } from './view-args.js';

/** The note modal was submitted: the note is logged on the customer as the person. */
export function logNoteSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const meta = decodeMetadata<NoteMetadata>(view.private_metadata);
    const note = inputValue(view, 'note');
    if (!note) {
      await ack({ response_action: 'errors', errors: { note: 'Write the note first.' } });
      return;
    }
    await ack();
    const show = (m: SlackMessage) => tell(client, body.user.id, meta.channel ?? null, m);
    await reporting(deps, show, async () => {
      if (!(await deps.claimOnce('view', `${view.id}:${view.hash}`))) return;
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const id = meta.customerId ?? '';
      await deps.services.activities.log(who.actor, { type: 'note', body: note, ...(id.startsWith('acc_') ? { accountId: id } : { contactId: id }) });
      await show({ text: 'Note logged.', blocks: [section(`:memo: Note logged: ${esc(note.replace(/\s+/g, ' '), 300)}`)] });
    });
  };
}
