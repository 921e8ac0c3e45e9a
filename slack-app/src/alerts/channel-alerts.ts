import type { Clock, Services, Store } from '@rapport/core';
import type { webApi } from '@slack/bolt';
import type { SlackLogger } from '../logger.js';
import { alertMessage } from '../views/alert.view.js';

export interface ChannelAlertsOptions {
  services: Services;
  store: Store;
  clock: Clock;
  client: webApi.WebClient;
  logger: SlackLogger;
  claimOnce(space: string, key: string): Promise<boolean>;
  /** How often to look for new deal events. */
  intervalMs?: number;
  /** Each look reaches this far back too, for changes that committed late; claims keep it to one post. */
  overlapMs?: number;
}

/**
 * Posts deal alerts (won, lost, stage moves over the minimum) to the channel an admin set. It
 * reads the events every change records, from every surface, so a deal moved in Gmail or over
 * the API is announced too. Each event is announced once across hubs, claimed in the database.
 */
export class ChannelAlerts {
  private since: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly intervalMs: number;
  private readonly overlapMs: number;

  constructor(private readonly options: ChannelAlertsOptions) {
    this.intervalMs = options.intervalMs ?? 10_000;
    this.overlapMs = options.overlapMs ?? 60_000;
    this.since = options.clock.now().getTime();
  }

  /** One look: posts what is new; returns how many alerts were posted. */
  async runOnce(): Promise<number> {
    const { services, clock, client } = this.options;
    const to = clock.now().getTime();
    const settings = await services.alerts.settings();
    if (settings.channel === null) {
      this.since = to;
      return 0;
    }
    const alerts = await services.alerts.alertsBetween(new Date(this.since - this.overlapMs).toISOString(), new Date(to + 1).toISOString());
    let posted = 0;
    for (const alert of alerts) {
      if (!(await this.options.claimOnce('alert', alert.eventId))) continue;
      const slackIds = await this.slackIds([alert.actor?.id, alert.owner?.id]);
      const message = alertMessage(alert, { actorSlackId: slackIds.get(alert.actor?.id ?? '') ?? null, ownerSlackId: slackIds.get(alert.owner?.id ?? '') ?? null });
      await client.chat.postMessage({ channel: settings.channel, text: message.text, blocks: message.blocks, unfurl_links: false });
      posted += 1;
    }
    this.since = to;
    return posted;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.logger.warn('deal alerts pass failed', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async slackIds(userIds: ReadonlyArray<string | undefined>): Promise<Map<string, string>> {
    const ids = userIds.filter((id): id is string => typeof id === 'string');
    const users = await this.options.store.read((uow) => uow.users.getMany(ids));
    return new Map(users.filter((u) => u.identities.slackUserId !== null).map((u) => [u.id, u.identities.slackUserId as string]));
  }
}
