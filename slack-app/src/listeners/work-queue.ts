/**
 * Where listeners do their work after acknowledging: at most `concurrency` jobs at once, the
 * rest waiting their turn without using the CPU, so a new request's acknowledgement is never
 * stuck behind everyone else's database work. Past `maxWaiting` waiting jobs a new job is
 * refused and the person is told to try again, rather than everyone's answer arriving late.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency = 64,
    private readonly maxWaiting = 2000,
  ) {}

  /** Runs `job` when a slot is free; resolves false, without running it, when too much is waiting. */
  async run(job: () => Promise<void>): Promise<boolean> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) return false;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      await job();
      return true;
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Jobs running and waiting, for logs and benchmarks. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
