/** The lines mail clients put above a forwarded message (Gmail, Outlook, Apple Mail, Thunderbird, in a few languages). */
const FORWARD_MARKERS = [
  /-{2,}\s*Forwarded message\s*-{2,}/i,
  /-{2,}\s*Original Message\s*-{2,}/i,
  /Begin forwarded message:/i,
  /-{2,}\s*Weitergeleitete Nachricht\s*-{2,}/i,
  /-{2,}\s*Message transféré\s*-{2,}/i,
  /-{2,}\s*转发的邮件\s*-{2,}/,
];
const FORWARD_SUBJECT = /^\s*(fwd?|fw|wg|tr|rv|转发)\s*[:：]/i;
const FROM_LINE = /^\s*(?:from|von|de|发件人)\s*[:：]\s*(.+)$/im;
const ADDRESS = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

/**
 * The original sender of a message forwarded inline: the address on the first "From:" line
 * after a forward marker (or anywhere, when the subject says Fwd:). Null when the message does
 * not look forwarded or names nobody.
 */
export function forwardedSender(subject: string, text: string): string | null {
  const marker = FORWARD_MARKERS.map((m) => text.search(m)).filter((at) => at >= 0).sort((a, b) => a - b)[0];
  if (marker === undefined && !FORWARD_SUBJECT.test(subject)) return null;
  const after = text.slice(marker ?? 0);
  const line = after.match(FROM_LINE)?.[1] ?? '';
  return line.match(ADDRESS)?.[0]?.toLowerCase() ?? null;
}
