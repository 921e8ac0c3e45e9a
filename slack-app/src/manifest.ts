import { SHORTCUTS } from './views/ids.js';

/** The Bot scopes the app uses, each for what it does. */
export const BOT_SCOPES: ReadonlyArray<{ scope: string; why: string }> = [
  { scope: 'commands', why: 'the /crm command and the Save to CRM shortcut' },
  { scope: 'chat:write', why: 'replies, reminder DMs, deal alerts and updating them' },
  { scope: 'chat:write.public', why: 'deal alerts in a public channel the app was not invited to' },
  { scope: 'users:read', why: 'reading who clicked or typed' },
  { scope: 'users:read.email', why: 'finding a Slack user\'s Rapport account by their profile email' },
];

/**
 * The Slack app manifest for a hub reachable at `publicUrl`: paste it into "Create New App →
 * From an app manifest". Every request URL is the hub's /slack/events.
 */
export function renderManifest(publicUrl: string): string {
  const url = `${publicUrl.replace(/\/+$/, '')}/slack/events`;
  return `# Rapport's Slack app. Create it at https://api.slack.com/apps → Create New App → From an app manifest,
# after replacing https://rapport.example.com with your hub's RAPPORT_PUBLIC_URL
# (or print this file with your URL filled in: pnpm rapport slack manifest).
display_information:
  name: Rapport
  description: Your CRM in Slack — customers, deals and follow-ups.
  long_description: Look customers up, move deals, log notes and set reminders with /crm, get reminder DMs with Done and Snooze, see your day in App Home, save messages to the CRM, and hear about won, lost and moving deals in a team channel.
  background_color: "#2f3b52"
features:
  app_home:
    home_tab_enabled: true
    messages_tab_enabled: true
    messages_tab_read_only_enabled: true
  bot_user:
    display_name: Rapport
    always_online: true
  slash_commands:
    - command: /crm
      url: ${url}
      description: Look up customers, move deals, set reminders
      usage_hint: find acme | deal acme stage proposal | remind tomorrow 9am call Ann | pipeline | help
      should_escape: false
  shortcuts:
    - name: Save to CRM
      type: message
      callback_id: ${SHORTCUTS.saveMessage}
      description: Log this message on a customer in Rapport
oauth_config:
  scopes:
    bot:
${BOT_SCOPES.map((s) => `      - ${s.scope}`).join('\n')}
settings:
  event_subscriptions:
    request_url: ${url}
    bot_events:
      - app_home_opened
  interactivity:
    is_enabled: true
    request_url: ${url}
    message_menu_options_url: ${url}
  org_deploy_enabled: false
  socket_mode_enabled: false
  token_rotation_enabled: false
`;
}
