import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { logNoteButton, moveStageButton, openInBrowserButton, remindMeButton, updateDealButton } from './open-modal.js';
import { pickCustomer, pickDeal } from './pick.js';
import { reminderButton } from './reminder-buttons.js';

type Button = BlockAction<ButtonAction>;

export function register(app: App, deps: ListenerDeps): void {
  app.action<Button>(ACTIONS.pickCustomer, pickCustomer(deps));
  app.action<Button>(ACTIONS.pickDeal, pickDeal(deps));
  app.action<Button>(ACTIONS.updateDeal, updateDealButton(deps));
  app.action<Button>(ACTIONS.moveStage, moveStageButton(deps));
  app.action<Button>(ACTIONS.logNote, logNoteButton(deps));
  app.action<Button>(ACTIONS.remindMe, remindMeButton(deps));
  app.action<Button>(ACTIONS.openInBrowser, openInBrowserButton());
  app.action<Button>(ACTIONS.reminderDone, reminderButton(deps));
  app.action<Button>(new RegExp(`^${ACTIONS.reminderSnooze}_`), reminderButton(deps));
}
