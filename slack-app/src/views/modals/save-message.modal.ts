import type { types } from '@slack/bolt';
import { VIEWS } from '../ids.js';
import { LIMITS } from '../limits.js';
import { fit, plainText } from '../mrkdwn.js';
import { encodeMetadata, type ModalOrigin } from './metadata.js';

export interface SaveMessageMetadata extends ModalOrigin {
  channel: string;
  /** The message's ts: with the channel, it names the message (and finds its permalink). */
  messageTs: string;
}

/** Save a Slack message to the CRM: the customer (searched as you type) and the text to log. */
export function saveMessageModal(message: { channel: string; ts: string; text: string }): types.ModalView {
  const metadata: SaveMessageMetadata = { channel: message.channel, messageTs: message.ts };
  return {
    type: 'modal',
    callback_id: VIEWS.saveMessage,
    title: plainText('Save to CRM', LIMITS.modalTitle),
    submit: plainText('Save', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks: [
      {
        type: 'input',
        block_id: 'customer',
        label: plainText('Customer', LIMITS.inputLabel),
        element: { type: 'external_select', action_id: 'customer', min_query_length: 1, placeholder: plainText('Name, email or web domain', LIMITS.inputPlaceholder) },
      },
      {
        type: 'input',
        block_id: 'text',
        label: plainText('Message', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.textInputMax, initial_value: fit(message.text, LIMITS.textInputMax) },
      },
    ],
  };
}
