import type { App } from '@slack/bolt';
import { register as registerActions } from './actions/index.js';
import { register as registerCommands } from './commands/index.js';
import { dropRepeatedEvents } from './dedupe.js';
import type { ListenerDeps } from './deps.js';
import { register as registerEvents } from './events/index.js';
import { register as registerShortcuts } from './shortcuts/index.js';
import { register as registerViews } from './views/index.js';

/** Every listener of the Slack app, by kind. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dropRepeatedEvents(deps));
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
}
