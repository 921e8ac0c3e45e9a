import type { Feature } from './context.js';
import { createContact } from './features/create-contact.js';
import { dealUpdate } from './features/deal-update.js';
import { logEmail } from './features/log-email.js';
import { newDeal } from './features/new-deal.js';
import { remindMe } from './features/remind-me.js';
import { sidebar } from './features/sidebar.js';

/** Every content-script feature, in the order their parts appear on a card. */
export const FEATURES: readonly Feature[] = [logEmail, remindMe, newDeal, createContact, dealUpdate, sidebar];
