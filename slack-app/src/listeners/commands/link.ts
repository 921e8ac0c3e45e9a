import { esc, section } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import type { ListenerDeps } from '../deps.js';

const HOW = 'Make a code where you are signed in to Rapport (an admin can run `rapport user link-code --user <your email>` on the hub), then type `/crm link <code>` here within 15 minutes.';

/** `/crm link <code>`: links this Slack account to the Rapport user who made the code. */
export async function linkCommand(deps: ListenerDeps, slackUserId: string, code: string): Promise<SlackMessage> {
  if (code === '') {
    const text = `Link your Slack account to Rapport when your Slack email is not your Rapport email. ${HOW}`;
    return { text, blocks: [section(text)] };
  }
  const user = await deps.services.identities.redeemLinkCode('slack', slackUserId, code);
  const text = `:link: Linked: Slack now acts as ${esc(user.name)} in Rapport. Try \`/crm help\`.`;
  return { text, blocks: [section(text)] };
}
