/**
 * Runs one piece of work at a time, in the order they asked: how the in-memory and IndexedDB
 * stores run their transactions one after another.
 */
export class WriteMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release = (): void => {};
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
