/**
 * Request bodies shaped as Slack documents them, for tests: slash commands, block actions,
 * view submissions, message shortcuts and Events API deliveries.
 */
export interface SlackUserRef {
  id: string;
  name?: string;
}

const TEAM = { id: 'T0TEST', domain: 'rapport-test' };

export function slashCommand(user: SlackUserRef, text: string, responseUrl: string, channel = 'C0SALES'): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: channel,
    channel_name: 'sales',
    user_id: user.id,
    user_name: user.name ?? user.id.toLowerCase(),
    command: '/crm',
    text,
    api_app_id: 'A0RAPPORT',
    response_url: responseUrl,
    trigger_id: `trigger.${user.id}.${Date.now()}`,
  };
}

export type Container = { type: 'message'; channel_id: string; message_ts: string; is_ephemeral?: boolean } | { type: 'view'; view_id: string };

export function blockAction(user: SlackUserRef, action: { action_id: string; value?: string; block_id?: string }, responseUrl: string, container: Container = { type: 'message', channel_id: 'C0SALES', message_ts: '1770000000.000001', is_ephemeral: true }): Record<string, string> {
  const channel = container.type === 'message' ? { channel: { id: container.channel_id, name: 'sales' } } : {};
  return {
    payload: JSON.stringify({
      type: 'block_actions',
      team: TEAM,
      user: { id: user.id, username: user.name ?? user.id, team_id: TEAM.id },
      api_app_id: 'A0RAPPORT',
      token: 'deprecated-verification-token',
      container,
      trigger_id: `trigger.${user.id}.${action.action_id}`,
      ...channel,
      response_url: responseUrl,
      actions: [{ type: 'button', block_id: action.block_id ?? 'b1', action_id: action.action_id, value: action.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
    }),
  };
}

export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

export function viewSubmission(user: SlackUserRef, view: { id: string; callback_id: string; private_metadata: string; hash?: string }, values: StateValues): Record<string, string> {
  return {
    payload: JSON.stringify({
      type: 'view_submission',
      team: TEAM,
      user: { id: user.id, username: user.name ?? user.id, team_id: TEAM.id },
      api_app_id: 'A0RAPPORT',
      token: 'deprecated-verification-token',
      trigger_id: `trigger.${user.id}.submit`,
      view: { id: view.id, team_id: TEAM.id, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: view.hash ?? `hash.${view.id}`, state: { values }, blocks: [] },
      response_urls: [],
    }),
  };
}

export function messageShortcut(user: SlackUserRef, callbackId: string, message: { ts: string; text: string }, responseUrl: string, channel = 'C0SALES'): Record<string, string> {
  return {
    payload: JSON.stringify({
      type: 'message_action',
      team: TEAM,
      user: { id: user.id, username: user.name ?? user.id, team_id: TEAM.id },
      callback_id: callbackId,
      trigger_id: `trigger.${user.id}.shortcut`,
      action_ts: String(Date.now() / 1000),
      message_ts: message.ts,
      message: { type: 'message', user: 'U0OTHER', ts: message.ts, text: message.text },
      channel: { id: channel, name: 'sales' },
      response_url: responseUrl,
      token: 'deprecated-verification-token',
    }),
  };
}

export function blockSuggestion(user: SlackUserRef, actionId: string, value: string): Record<string, string> {
  return {
    payload: JSON.stringify({ type: 'block_suggestion', team: TEAM, user: { id: user.id, team_id: TEAM.id }, action_id: actionId, block_id: 'customer', value, api_app_id: 'A0RAPPORT', token: 'deprecated-verification-token', view: { id: 'V0SAVE', type: 'modal' } }),
  };
}

export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0RAPPORT',
    event: { event_ts: String(Date.now() / 1000), ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM.id, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
  };
}
