import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { crmCommand } from './crm.js';

export function register(app: App, deps: ListenerDeps): void {
  app.command('/crm', crmCommand(deps));
}
