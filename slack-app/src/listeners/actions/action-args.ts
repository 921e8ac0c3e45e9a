import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** What a button listener is called with (Bolt's arguments, narrowed to what the listeners use). */
export type ButtonArgs = Pick<SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs, 'ack' | 'body' | 'action' | 'respond' | 'client'>;

/** The channel of the message a button was on; null for App Home and DMs with the app. */
export function originChannel(body: BlockAction): string | null {
  const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id ?? null;
  return channel && !channel.startsWith('D') ? channel : null;
}
