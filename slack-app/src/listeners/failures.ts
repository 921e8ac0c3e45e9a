import { asCrmError } from '@rapport/core';
import { busyMessage, crmErrorMessage } from '../views/error.view.js';
import type { SlackMessage } from '../views/view-context.js';
import type { ListenerDeps } from './deps.js';

/**
 * Runs a listener's work after its ack, in its turn (see WorkQueue). A CrmError is shown to the person as its message
 * says it; anything unexpected is logged and shown as "temporarily unavailable".
 */
export async function reporting(deps: ListenerDeps, show: (message: SlackMessage) => Promise<unknown>, work: () => Promise<void>): Promise<void> {
  try {
    const ran = await deps.queue.run(work);
    if (!ran) await show(busyMessage());
  } catch (thrown) {
    const error = asCrmError(thrown);
    if (error.code === 'unavailable') deps.logger.error('a Slack action failed', { error: thrown instanceof Error ? thrown.stack : String(thrown) });
    await show(crmErrorMessage(error)).catch((e: unknown) => deps.logger.warn('could not tell a Slack user about a failure', { error: e instanceof Error ? e.message : String(e) }));
  }
}
