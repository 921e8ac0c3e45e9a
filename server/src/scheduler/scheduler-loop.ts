import type { ReminderScheduler } from '@rapport/core';
import type { Logger } from '../logger.js';

/** Runs the reminder scheduler on a timer, one pass at a time, until stopped. */
export class SchedulerLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly housekeeping: () => Promise<void> = async () => {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(1000);
  }

  /** Runs one pass now (tests and `rapport` commands use it). */
  async runOnce(): Promise<void> {
    const result = await this.scheduler.tick();
    if (result.claimed > 0) this.logger.debug('scheduler pass', { ...result });
    if (result.failed > 0) this.logger.warn('reminder deliveries failed for good', { failed: result.failed });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => this.housekeeping())
        .catch((error: unknown) => this.logger.error('scheduler pass failed', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }
}
