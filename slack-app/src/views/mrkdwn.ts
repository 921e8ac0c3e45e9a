import type { types } from '@slack/bolt';
import { LIMITS } from './limits.js';

/**
 * Slack reads `&`, `<` and `>` as control characters in mrkdwn and plain text: `<!channel>`
 * pings everyone, `<https://x|y>` makes a link. Every piece of user text goes through this.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (counted as Slack does, in UTF-16 units), ending in "…" when cut, never inside a surrogate pair. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Fits mrkdwn made of escaped text, our own links and mentions: a cut never leaves half an
 * entity (`&am…`) or half a link (`<https://…`) behind.
 */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = fit(text, max).slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '').replace(/<[^>]*$/, '');
  return `${cut}…`;
}

/** Escaped user text for mrkdwn, cut to `max` before escaping is counted. */
export const esc = (text: string, max = 500): string => fitMrkdwn(escapeText(fit(text, max)), max * 5);

export const bold = (escaped: string): string => (escaped === '' ? '' : `*${escaped}*`);

export function mrkdwnText(text: string, max: number = LIMITS.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: fitMrkdwn(text, max) };
}

/** Plain text for headers, buttons, labels and options: shown as it is, never parsed for mentions or links. */
export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: fit(text.trim() === '' ? '–' : text, max), emoji: true };
}

export function section(text: string, accessory?: types.SectionBlock['accessory']): types.SectionBlock {
  return { type: 'section', text: mrkdwnText(text), ...(accessory ? { accessory } : {}) };
}

export function context(...texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwnText(t, LIMITS.contextText)) };
}

export const divider = (): types.DividerBlock => ({ type: 'divider' });

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(text, LIMITS.headerText) };
}

export function button(text: string, actionId: string, value?: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: plainText(text, LIMITS.buttonText),
    action_id: actionId,
    ...(value !== undefined ? { value: fit(value, LIMITS.buttonValue) } : {}),
    ...(style ? { style } : {}),
  };
}

export function linkButton(text: string, actionId: string, url: string): types.Button {
  return { type: 'button', text: plainText(text, LIMITS.buttonText), action_id: actionId, url: url.slice(0, LIMITS.url) };
}

/** A Slack date that shows in the reader's own time zone, with a fallback for old clients. */
export function slackDate(instant: string, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(Date.parse(instant) / 1000);
  return `<!date^${seconds}^${format}|${instant.slice(0, 16).replace('T', ' ')} UTC>`;
}

/** A mention that pings; use `name` when the person should not be pinged. */
export const mention = (slackUserId: string): string => `<@${slackUserId}>`;
