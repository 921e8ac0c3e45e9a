/** Action ids, view callback ids and the shortcut's callback id: what the listeners match on. */
export const ACTIONS = {
  logNote: 'card_log_note',
  moveStage: 'card_move_stage',
  remindMe: 'card_remind_me',
  openInBrowser: 'card_open_in_browser',
  pickCustomer: 'pick_customer',
  pickDeal: 'pick_deal',
  updateDeal: 'deal_update',
  reminderDone: 'reminder_done',
  reminderSnooze: 'reminder_snooze',
} as const;

/** Snooze presets on reminder messages: the words the core reads in the person's zone. */
export const SNOOZES = [
  { id: '1h', label: 'Snooze 1h', words: '1h' },
  { id: 'tomorrow', label: 'Tomorrow', words: 'tomorrow' },
  { id: 'week', label: 'Next week', words: 'next week' },
] as const;
export type SnoozeId = (typeof SNOOZES)[number]['id'];

export const VIEWS = {
  updateDeal: 'deal_update_modal',
  createReminder: 'reminder_modal',
  logNote: 'note_modal',
  saveMessage: 'save_message_modal',
} as const;

export const SHORTCUTS = { saveMessage: 'save_message_to_crm' } as const;
