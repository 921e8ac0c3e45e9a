import type { App } from '@slack/bolt';
import { SHORTCUTS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { saveMessageShortcut } from './save-message.js';

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut({ callback_id: SHORTCUTS.saveMessage, type: 'message_action' }, saveMessageShortcut(deps));
}
