import { getShowOriginalUrl, type GmailMessage } from './gmail-driver.js';

/** The prefix of an id that is Gmail's own, used when the RFC 5322 Message-ID could not be read. */
export const GMAIL_ID_PREFIX = 'gmail:';

/**
 * The email's RFC 5322 Message-ID, which every mail client and the hub agree on. Gmail's page
 * only shows its own ids, so this reads the headers of Gmail's "Show original" view (by the
 * link Gmail offers, with its page key; same origin, the user's own session) and keeps only the
 * Message-ID line. When that fails (offline, an unusual account), it falls back to
 * `gmail:<Gmail's id>`, which is stable for this mailbox.
 */
export async function resolveMessageId(message: GmailMessage, doc: Document, location: Location, fetchFn: typeof fetch = fetch): Promise<string | null> {
  const url = getShowOriginalUrl(message, doc, location);
  if (url) {
    try {
      const response = await fetchFn(url, { credentials: 'include' });
      if (response.ok) {
        const id = messageIdFromRaw(await response.text());
        if (id) return id;
      }
    } catch {
      // Offline or refused: use Gmail's own id below.
    }
  }
  return message.gmailId ? `${GMAIL_ID_PREFIX}${message.gmailId}` : null;
}

/** Reads the Message-ID header from a raw message, or from the page that shows one (HTML-escaped). */
export function messageIdFromRaw(page: string): string | null {
  const raw = page.match(/<pre[^>]*raw_message_text[^>]*>([\s\S]*?)<\/pre>/i)?.[1] ?? page;
  const unescaped = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\r\n/g, '\n');
  const headerEnd = unescaped.search(/\n\n/);
  const headers = headerEnd > 0 ? unescaped.slice(0, headerEnd) : unescaped;
  const match = headers.match(/^message-id:[ \t]*(?:\n[ \t]+)?(<[^<>\s]+>)/im);
  return match?.[1] ?? null;
}
