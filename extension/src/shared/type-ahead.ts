/** How long a pause in typing starts a search. */
export const TYPE_AHEAD_DELAY_MS = 150;

export interface TypeAheadOptions {
  delayMs?: number;
  signal?: AbortSignal;
}

/**
 * Searches as a person types a name: from the first character (one Chinese character is a
 * whole family name: "王" finds 王芳), once they pause, and shows only the answer to what is in
 * the box now. An empty box clears the results.
 */
export function typeAhead<T>(
  input: HTMLInputElement,
  search: (q: string) => Promise<T>,
  show: (q: string, result: T) => void,
  clear: () => void,
  { delayMs = TYPE_AHEAD_DELAY_MS, signal }: TypeAheadOptions = {},
): void {
  let round = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal?.addEventListener('abort', () => clearTimeout(timer));
  input.addEventListener('input', () => {
    const q = input.value.trim();
    const mine = (round += 1);
    clearTimeout(timer);
    if (q.length === 0) return clear();
    timer = setTimeout(() => {
      void search(q).then(
        (result) => {
          if (mine === round) show(q, result);
        },
        () => undefined,
      );
    }, delayMs);
  }, signal ? { signal } : {});
}
