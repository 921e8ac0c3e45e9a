import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { senderChecks, type SenderChecks } from './sender-checks.js';
import { forwardedSender } from './forwarded-mail.js';

/** One attachment as listed on the activity. */
export interface ListedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

/** A received message, read into what logging it needs; every text fits the capture schema. */
export interface ReceivedMail {
  /** The Message-ID, or one made from the message's bytes when it has none (the same message gets the same one). */
  messageId: string;
  from: string | null;
  to: string[];
  cc: string[];
  /** The person a forwarded message came from, when the message forwards one. */
  forwardedFrom: string | null;
  subject: string;
  text: string;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  attachments: ListedAttachment[];
  checks: SenderChecks;
}

const MAX_TEXT = 20_000;
const MAX_SUBJECT = 500;
const MAX_ID = 1000;
const MAX_REFERENCES = 200;
/** Bodies longer than this are not turned from HTML into text (the text is cut at MAX_TEXT anyway). */
const MAX_HTML_TO_PARSE = 2 * 1024 * 1024;

/** Text as PostgreSQL and JSON can keep it: no NUL characters, at most `max` characters. */
function clean(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what is removed.
  return text.replace(/\u0000/g, '').trim().slice(0, max);
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((group) => group.value)
    .flatMap((a) => [a.address, ...(a.group ?? []).map((g) => g.address)])
    .filter((a): a is string => typeof a === 'string' && a.includes('@'))
    .map((a) => a.trim().toLowerCase());

const asList = (value: string[] | string | undefined): string[] => (Array.isArray(value) ? value : value ? value.split(/\s+/) : []);

/** Reads a raw message (RFC 5322 bytes, any charset mailparser knows). Throws on what cannot be read as mail. */
export async function readReceivedMail(raw: Buffer): Promise<ReceivedMail> {
  const parsed: ParsedMail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: MAX_HTML_TO_PARSE });
  if (parsed.headerLines.length === 0) throw new Error('the message has no header lines');
  const from = addresses(parsed.from)[0] ?? null;
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  if (!from && to.length === 0 && cc.length === 0) throw new Error('it has no From, To or Cc header with an address (is it a whole message, headers first?)');
  const inner = parsed.attachments.find((a) => a.contentType === 'message/rfc822');
  const forwarded = inner ? await readReceivedMail(inner.content).catch(() => null) : null;
  const text = clean(parsed.text ?? '', MAX_TEXT);
  const ownId = parsed.messageId && parsed.messageId.length <= MAX_ID ? clean(parsed.messageId, MAX_ID) : '';
  return {
    messageId: ownId || `<${createHash('sha256').update(raw).digest('hex')}@rapport.invalid>`,
    from,
    to,
    cc,
    forwardedFrom: forwarded?.from ?? forwardedSender(parsed.subject ?? '', text),
    subject: clean(parsed.subject ?? '', MAX_SUBJECT),
    text,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    inReplyTo: parsed.inReplyTo && parsed.inReplyTo.length <= MAX_ID ? clean(parsed.inReplyTo, MAX_ID) : null,
    references: asList(parsed.references).filter((r) => r.length <= MAX_ID).slice(-MAX_REFERENCES).map((r) => clean(r, MAX_ID)),
    attachments: parsed.attachments
      .filter((a) => a.contentType !== 'message/rfc822' || !forwarded)
      .map((a) => ({ filename: clean(a.filename ?? 'unnamed', 200) || 'unnamed', contentType: a.contentType, size: a.size, content: a.content })),
    checks: senderChecks(parsed.headers, from),
  };
}
