import { LIMITS } from '../limits.js';

/** Where a modal was opened from, so its result can be told there: a channel (or null: a DM), and what it is about. */
export interface ModalOrigin {
  /** The channel of the message the modal was opened from; null when opened from App Home. */
  channel: string | null;
}

export function encodeMetadata(value: object): string {
  const text = JSON.stringify(value);
  if (text.length > LIMITS.privateMetadata) throw new Error('Modal metadata is too long');
  return text;
}

/** Reads a modal's private_metadata; anything unreadable comes back as an empty object. */
export function decodeMetadata<T extends object>(text: string | undefined): Partial<T> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
  } catch {
    return {};
  }
}
