/** How each board column lists its deals: the manager picks, the tab remembers. */
export const BOARD_ORDERS = [
  { id: 'stale', label: 'Stale first', sort: '-daysInStage' },
  { id: 'biggest', label: 'Biggest first', sort: '-amount' },
  { id: 'closing', label: 'Closing soonest', sort: 'expectedCloseDate' },
  { id: 'quiet', label: 'Least recent activity', sort: 'lastActivityAt' },
  { id: 'newest', label: 'Newest first', sort: '-createdAt' },
] as const;

export type BoardOrder = (typeof BOARD_ORDERS)[number]['id'];

export const BOARD_ORDER_KEY = 'rapport.board.order';

/** The order the tab last used, "stale first" until one is picked (or when storage is unavailable). */
export function readBoardOrder(storage: Pick<Storage, 'getItem'> | undefined): BoardOrder {
  try {
    const saved = storage?.getItem(BOARD_ORDER_KEY);
    return BOARD_ORDERS.find((o) => o.id === saved)?.id ?? 'stale';
  } catch {
    return 'stale';
  }
}

export function saveBoardOrder(storage: Pick<Storage, 'setItem'> | undefined, order: BoardOrder): void {
  try {
    storage?.setItem(BOARD_ORDER_KEY, order);
  } catch {
    // A tab without storage (blocked third-party storage) keeps the choice until it reloads.
  }
}

/** The deals API's `sort` for an order. */
export const sortOf = (order: BoardOrder): string => BOARD_ORDERS.find((o) => o.id === order)?.sort ?? '-daysInStage';
