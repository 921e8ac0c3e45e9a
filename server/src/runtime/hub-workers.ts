import cluster, { type Worker } from 'node:cluster';

/** The environment variable a hub's primary process tells each worker its number in (1 … RAPPORT_WORKERS). */
export const WORKER_SLOT_ENV = 'RAPPORT_WORKER_SLOT';

const RESTART_DELAY_MS = 1000;

/** What a worker tells the primary when it cannot start (the exit that follows may be a signal's). */
const FAILED_TO_START = { rapport: 'failed-to-start' } as const;

/** In a worker: tells the primary this worker could not start, so the hub stops with an error. */
export function reportFailedStart(): void {
  if (cluster.isWorker) process.send?.(FAILED_TO_START);
}

/** This process's worker number when it is one of a hub's workers; null in a single-process hub or the primary. */
export function workerSlot(env: NodeJS.ProcessEnv = process.env): number | null {
  if (!cluster.isWorker) return null;
  const slot = Number(env[WORKER_SLOT_ENV]);
  return Number.isInteger(slot) && slot > 0 ? slot : null;
}

export interface WorkerEvents {
  /** Every worker listens (once, at start): the port they share. */
  allListening(port: number): void;
  /** A worker stopped without being asked to; another takes its number. */
  restarting(slot: number, why: string): void;
  /** The worker that took a stopped one's number listens. */
  replaced(slot: number): void;
  /** A worker failed before it ever served: the hub cannot start. */
  failedToStart(slot: number, why: string): void;
}

export interface RunningWorkers {
  /** Asks every worker to stop (SIGTERM) and resolves with 0 when all have, without restarting any. */
  stop(): Promise<number>;
  /** Resolves with the exit code once the hub has stopped: asked to, or a worker failed to start. */
  done: Promise<number>;
}

/**
 * Forks `count` workers of this same program (they share the listening port through
 * node:cluster), each told its number. A worker that stops unasked after it has served is
 * replaced under the same number; one that fails before it first listens stops the hub.
 */
export function runWorkers(count: number, events: WorkerEvents): RunningWorkers {
  const slots = new Map<Worker, number>();
  const served = new Set<number>();
  const failed = new Set<number>();
  let stopping = false;
  let code = 0;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));

  const stopAll = () => {
    stopping = true;
    if (slots.size === 0) finish(code);
    for (const worker of slots.keys()) worker.process.kill('SIGTERM');
  };
  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT_ENV]: String(slot) });
    slots.set(worker, slot);
    worker.once('listening', (address) => {
      if (served.has(slot)) return events.replaced(slot);
      served.add(slot);
      if (served.size === count) events.allListening(address.port);
    });
    worker.on('message', (message: unknown) => {
      if ((message as typeof FAILED_TO_START | null)?.rapport === FAILED_TO_START.rapport) failed.add(slot);
    });
    worker.once('exit', (exitCode, signal) => {
      slots.delete(worker);
      const why = signal ? `stopped by ${signal}` : `exited with code ${exitCode}`;
      if (!served.has(slot) && (failed.has(slot) || (!signal && exitCode !== 0))) {
        // Failed before it ever served (a port in use, a database it cannot open): the hub cannot start.
        code = 1;
        if (!stopping) {
          events.failedToStart(slot, why);
          stopAll();
        }
      } else if (!stopping && (signal || exitCode !== 0)) {
        events.restarting(slot, why);
        setTimeout(() => !stopping && fork(slot), RESTART_DELAY_MS).unref();
        return;
      }
      // Asked to stop, or every worker stopped by itself (a terminal's Ctrl-C reaches them too).
      if (slots.size === 0) finish(code);
    });
  };
  for (let slot = 1; slot <= count; slot++) fork(slot);
  return {
    stop: async () => {
      stopAll();
      return done;
    },
    done,
  };
}
