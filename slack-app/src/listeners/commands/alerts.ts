import { CrmError, formatMoney, parseAmount, type Actor, type DealAlertSettings } from '@rapport/core';
import { section } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import type { ListenerDeps } from '../deps.js';

const USAGE = '`/crm alerts here` (this channel), `/crm alerts off`, `/crm alerts min 50k EUR` (per currency; `min 0 EUR` clears it).';

function describe(settings: DealAlertSettings): string {
  if (settings.channel === null) return 'Deal alerts are off.';
  const minimums = settings.minimums.length === 0 ? 'every deal' : `deals from ${settings.minimums.map((m) => formatMoney(m)).join(', ')} (other currencies: every deal)`;
  return `Deal alerts (won, lost, stage moves) go to <#${settings.channel}> for ${minimums}.`;
}

/** `/crm alerts …`: where deal alerts go and from which amount. Admins only (the core says so). */
export async function alertsCommand(deps: ListenerDeps, actor: Actor, channelId: string, args: string): Promise<SlackMessage> {
  const [verb = '', amount = '', currency = ''] = args.split(/\s+/);
  const alerts = deps.services.alerts;
  let settings: DealAlertSettings;
  switch (verb.toLowerCase()) {
    case '':
      settings = await alerts.settings();
      break;
    case 'here':
      settings = await alerts.configure(actor, { channel: channelId });
      break;
    case 'off':
      settings = await alerts.configure(actor, { channel: null });
      break;
    case 'min': {
      const code = currency.toUpperCase();
      const minor = /^[A-Z]{3}$/.test(code) ? parseAmount(amount, code) : null;
      if (minor === null) throw new CrmError('invalid_input', `Give an amount and a currency, like \`min 50k EUR\` (got “${args}”). ${USAGE}`);
      settings = await alerts.configure(actor, { minimum: { minor, currency: code } });
      break;
    }
    default:
      throw new CrmError('invalid_input', `“${verb}” is not an alerts setting. ${USAGE}`);
  }
  const text = `${describe(settings)}\n${USAGE}`;
  return { text, blocks: [section(text)] };
}
