import type { AnalyticsStore, User } from '@rapport/core';
import { createHub, readConfig, silentLogger, surfaceOf, type Hub, type SlackHubSurface } from '@rapport/server';
import type { SlackSurface } from '@rapport/slack-app';
import { signedForm, signedJson, SlackApiStandIn, slashCommand, type SignedRequest } from '@rapport/slack-app/testing';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';

/** A hub on a real database with the Slack app mounted, talking to a local stand-in for Slack's Web API. */
export interface SlackHub {
  hub: Hub;
  slack: SlackSurface;
  api: SlackApiStandIn;
  url: string;
  users: Record<'admin' | 'mia' | 'ann' | 'bo', User>;
  /** Slack user ids of the people above (ann's Slack email is her Rapport email; bo's is not). */
  slackIds: Record<'admin' | 'mia' | 'ann' | 'bo' | 'stranger', string>;
  /** Sends a signed request to /slack/events and waits until the listener's work after the ack is done. */
  send(request: SignedRequest, extraHeaders?: Record<string, string>): Promise<Response>;
  form(fields: Record<string, string>): SignedRequest;
  json(payload: unknown): SignedRequest;
  /** `/crm <text>` from a Slack user; resolves with the ack and the message posted to the response_url. */
  crm(slackUserId: string, text: string, channel?: string): Promise<{ ack: Response; reply: Record<string, unknown> | undefined }>;
  close(): Promise<void>;
}

export async function startSlackHub(store: AnalyticsStore): Promise<SlackHub> {
  const api = await new SlackApiStandIn().start();
  const config = readConfig({
    RAPPORT_SCHEDULER: '0',
    PORT: '0',
    RAPPORT_PUBLIC_URL: 'http://rapport.test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_API_URL: api.apiUrl,
  });
  const hub = await createHub({ config, store, logger: silentLogger });
  const slack = surfaceOf<SlackHubSurface>(hub, 'slack')?.slack;
  if (!slack) throw new Error('Slack should be on');
  const { users, createTeam } = { users: hub.services.users, createTeam: hub.services.users.createTeam.bind(hub.services.users) };
  const team = await createTeam(null, 'East');
  const add = (name: string, email: string, role: 'rep' | 'manager' | 'admin', timeZone: string) => users.create(null, { name, email, role, teamId: team.id, timeZone });
  const people = {
    admin: await add('Ada Admin', 'ada@rapport.test', 'admin', 'UTC'),
    mia: await add('Mia Manager', 'mia@rapport.test', 'manager', 'America/New_York'),
    ann: await add('Ann Lee', 'ann@rapport.test', 'rep', 'Europe/Berlin'),
    bo: await add('Bo Rep', 'bo@rapport.test', 'rep', 'America/Los_Angeles'),
  };
  const slackIds = { admin: 'U0ADA', mia: 'U0MIA', ann: 'U0ANN', bo: 'U0BO', stranger: 'U0STRANGER' };
  api.users.set(slackIds.admin, { email: 'ada@rapport.test', name: 'Ada' });
  api.users.set(slackIds.mia, { email: 'MIA@rapport.test', name: 'Mia' });
  api.users.set(slackIds.ann, { email: 'ann@rapport.test', name: 'Ann' });
  api.users.set(slackIds.bo, { email: 'bo.private@elsewhere.test', name: 'Bo' });
  api.users.set(slackIds.stranger, { email: 'stranger@elsewhere.test', name: 'Stranger' });
  const { url } = await hub.listen();
  let responses = 0;
  const send = async (request: SignedRequest, extraHeaders: Record<string, string> = {}) => {
    const response = await fetch(`${url}/slack/events`, { method: 'POST', headers: { ...request.headers, ...extraHeaders }, body: request.body });
    await slack.idle();
    return response;
  };
  return {
    hub,
    slack,
    api,
    url,
    users: people,
    slackIds,
    send,
    form: (fields) => signedForm(SIGNING_SECRET, fields),
    json: (payload) => signedJson(SIGNING_SECRET, payload),
    crm: async (slackUserId, text, channel) => {
      const id = `crm-${++responses}`;
      const ack = await send(signedForm(SIGNING_SECRET, slashCommand({ id: slackUserId }, text, api.responseUrl(id), channel)));
      return { ack, reply: api.responses.find((r) => r.id === id)?.body };
    },
    close: async () => {
      await hub.close();
      await api.close();
    },
  };
}

/** All the text of a Slack message's blocks, joined, for assertions about what a person reads. */
export function blockText(message: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') parts.push(inner);
        else walk(inner);
      }
    }
  };
  walk(message?.blocks ?? message?.view ?? []);
  return parts.join('\n');
}

/** The mrkdwn texts of a message's blocks: the ones Slack parses for mentions and links. */
export function mrkdwnTexts(blocks: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.type === 'mrkdwn' && typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}
