import { ERROR_TITLES, type CommandError, type CrmError, type IdentityResult } from '@rapport/core';
import { context, esc, section } from './mrkdwn.js';
import type { SlackMessage } from './view-context.js';

/** Text that could not be read: what was understood, what is wrong, and what to type. */
export function commandErrorMessage(error: CommandError): SlackMessage {
  const lines = [
    `:thinking_face: ${esc(error.message, 500)}`,
    ...(error.understood ? [`*Understood:* ${esc(error.understood, 300)}`] : []),
    `*Try:* ${esc(error.hint, 500)}`,
  ];
  return {
    text: esc(`${error.message} ${error.hint}`, 1000),
    blocks: [section(lines.join('\n')), context(`\`\`\`${esc(error.usage.split('\n').map((u) => `/crm ${u}`).join('\n'), 1500)}\`\`\``)],
  };
}

/** A command or action the core refused: its title and the message that says what to do. */
export function crmErrorMessage(error: CrmError): SlackMessage {
  const icon = error.code === 'forbidden' ? ':no_entry:' : error.code === 'conflict' ? ':twisted_rightwards_arrows:' : error.code === 'unavailable' ? ':hourglass:' : ':warning:';
  return {
    text: esc(`${ERROR_TITLES[error.code]}: ${error.message}`, 1000),
    blocks: [section(`${icon} *${ERROR_TITLES[error.code]}*\n${esc(error.message, 1500)}`)],
  };
}

/** A Slack user Rapport cannot place: why, and what to do. Nothing else happens for them. */
export function unlinkedMessage(result: Exclude<IdentityResult, { status: 'linked' }>, email: string | null): SlackMessage {
  const text =
    result.status === 'inactive'
      ? 'Your Rapport account is switched off, so Rapport can do nothing for you here. Ask a Rapport admin to switch it back on.'
      : result.status === 'taken'
        ? `The Rapport account for ${esc(email ?? 'your email', 200)} is linked to another Slack account. Make a link code in Rapport (\`rapport user link-code\`, or ask an admin) and type \`/crm link <code>\` here.`
        : `Rapport does not know you yet${email ? ` (no Rapport user has ${esc(email, 200)})` : ''}. Ask a Rapport admin to add you with your Slack email, or make a link code in Rapport and type \`/crm link <code>\` here.`;
  return { text, blocks: [section(`:lock: ${text}`)] };
}

/** Too many requests are waiting: nothing was done. */
export function busyMessage(): SlackMessage {
  const text = 'Rapport is very busy right now and did nothing with this. Please try again in a minute.';
  return { text, blocks: [section(`:hourglass: ${text}`)] };
}
