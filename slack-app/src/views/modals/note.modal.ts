import type { types } from '@slack/bolt';
import { VIEWS } from '../ids.js';
import { LIMITS } from '../limits.js';
import { plainText } from '../mrkdwn.js';
import { encodeMetadata, type ModalOrigin } from './metadata.js';

export interface NoteMetadata extends ModalOrigin {
  customerId: string;
}

/** Log a note on a customer. */
export function noteModal(about: { id: string; name: string }, origin: ModalOrigin): types.ModalView {
  const metadata: NoteMetadata = { ...origin, customerId: about.id };
  return {
    type: 'modal',
    callback_id: VIEWS.logNote,
    title: plainText('Log a note', LIMITS.modalTitle),
    submit: plainText('Log', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks: [
      {
        type: 'input',
        block_id: 'note',
        label: plainText(`Note on ${about.name}`, LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.textInputMax },
      },
    ],
  };
}
