import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEWS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { createReminderSubmitted } from './create-reminder.js';
import { logNoteSubmitted } from './log-note.js';
import { customerOptions, saveMessageSubmitted } from './save-message.js';
import { updateDealSubmitted } from './update-deal.js';

export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEWS.updateDeal, updateDealSubmitted(deps));
  app.view<ViewSubmitAction>(VIEWS.createReminder, createReminderSubmitted(deps));
  app.view<ViewSubmitAction>(VIEWS.logNote, logNoteSubmitted(deps));
  app.view<ViewSubmitAction>(VIEWS.saveMessage, saveMessageSubmitted(deps));
  app.options<'block_suggestion'>('customer', customerOptions(deps));
}
