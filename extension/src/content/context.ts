import type { StatusView, CardEntry, PipelineView } from '../shared/views.js';
import type { GmailPerson } from '../gmail/gmail-driver.js';
import type { ThreadView } from './thread-view.js';

/** Where a feature puts its part of one person's card. */
export interface CardSlots {
  /** The row of buttons under the person's name. */
  actions: HTMLElement;
  /** Under the header: forms opened by actions, or the "create contact" form for an unknown person. */
  panel: HTMLElement;
  /** Under one deal's row. */
  deal(dealId: string): HTMLElement | null;
}

/** One person's card, as features see it while it is on screen. */
export interface CardContext {
  person: GmailPerson;
  entry: CardEntry;
  thread: ThreadView;
  status: StatusView;
  pipelines: PipelineView[];
  slots: CardSlots;
  /** Fetches the card again from the hub (after a change). */
  refresh(): Promise<void>;
  toast(message: string, kind?: 'info' | 'error'): void;
  /** Aborts when the card is rendered again or the thread closes. */
  signal: AbortSignal;
}

/** A feature's contribution to each card the sidebar shows. */
export type CardPart = (card: CardContext) => void;

/** What the content script's features share: the sidebar registers, the others contribute parts. */
export interface ContentContext {
  parts: CardPart[];
}

/** A feature: one file, registered in features.ts, cleaning up when `signal` aborts. */
export interface Feature {
  id: string;
  init(context: ContentContext, signal: AbortSignal): void;
}
