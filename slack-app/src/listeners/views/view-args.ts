import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

export type SubmitArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs, 'ack' | 'body' | 'view' | 'client'>;

interface StateValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_time?: string | null;
}

/** One input's value from a submitted modal: text, the picked option's value, a date or a time; null when empty. */
export function inputValue(view: SubmitArgs['view'], blockId: string, actionId = 'value'): string | null {
  const state = view.state.values[blockId]?.[actionId] as StateValue | undefined;
  const value = state?.value ?? state?.selected_option?.value ?? state?.selected_date ?? state?.selected_time ?? null;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
