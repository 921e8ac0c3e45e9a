import cluster, { type Worker } from 'node:cluster';

/** The environment variable a hub's primary process tells each worker its number in (1 … RAPPORT_WORKERS). */
export const WORKER_SLOT_ENV = 'RAPPORT_WORKER_SLOT';

const RESTART_DELAY_MS = 1000;

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
      const first = served.size < count && !served.has(slot);
      served.add(slot);
      if (first && served.size === count) events.allListening(address.port);
    });
    worker.once('exit', (exitCode, signal) => {
      slots.delete(worker);
      const why = signal ? `stopped by ${signal}` : `exited with code ${exitCode}`;
      if (stopping) {
        if (slots.size === 0) finish(code);
      } else if (!served.has(slot)) {
        events.failedToStart(slot, why);
        code = 1;
        stopAll();
      } else if (signal || exitCode !== 0) {
        events.restarting(slot, why);
        setTimeout(() => !stopping && fork(slot), RESTART_DELAY_MS).unref();
      } else if (slots.size === 0) {
        // Every worker stopped by itself (a terminal's Ctrl-C reaches them too).
        finish(code);
      }
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
