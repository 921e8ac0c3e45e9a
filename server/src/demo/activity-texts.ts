import type { ActivityType } from '@rapport/core';
import type { Locale } from './names/locales.js';

/** Subjects of emails customers send, in their own language. */
export const INBOUND_SUBJECTS: Record<Locale, readonly string[]> = {
  'en-us': ['Question about pricing', 'Re: Follow-up', 'Invoice query', 'Quick question on the API', 'Renewal timeline', 'Can we move our call?'],
  'en-gb': ['Question about pricing', 'Re: Catch-up', 'Purchase order', 'Data residency question', 'Can we move our call?'],
  de: ['Frage zum Angebot', 'Re: Rückruf', 'Rechnung und Bestellnummer', 'Termin nächste Woche', 'Datenschutz-Fragen'],
  fr: ['Question sur le devis', 'Re: Suivi de notre échange', 'Bon de commande', 'Disponibilités la semaine prochaine'],
  es: ['Consulta sobre el presupuesto', 'Re: Seguimiento', 'Factura pendiente', '¿Podemos mover la reunión?'],
  zh: ['关于报价的问题', '回复：合同细节', '发票信息', '下周会议时间'],
  ja: ['お見積もりについて', 'Re: 打ち合わせの件', '請求書の送付先', '来週のご都合'],
  ko: ['견적 문의', 'Re: 미팅 일정', '계약서 검토 의견', '청구서 관련 문의'],
};

export const OUTBOUND_SUBJECTS = ['Following up', "Recap of today's call", 'Checking in', 'Next steps', 'Resources we discussed', 'Your questions answered'];

/** What gets logged around a deal's moves, by the stage (or status) it moves to. */
export const DEAL_MOMENTS: Record<string, { type: ActivityType; subject: string; body: string }> = {
  created: { type: 'call', subject: 'Intro call', body: 'Walked through their current process and who is involved in the decision.' },
  qualified: { type: 'call', subject: 'Qualification call', body: 'Budget confirmed for this year; timeline and decision makers agreed.' },
  demo: { type: 'meeting', subject: 'Product demo', body: 'Showed the Gmail sidebar, Slack commands and the manager pipeline view.' },
  proposal: { type: 'email', subject: 'Proposal and order form', body: 'Proposal attached, valid for 30 days. Happy to go through it on a call.' },
  negotiation: { type: 'call', subject: 'Pricing and terms', body: 'They asked for a multi-year discount and net-60 payment terms.' },
  won: { type: 'email', subject: 'Signed order form', body: 'Countersigned copy attached. Welcome aboard! Onboarding invite to follow.' },
  lost: { type: 'note', subject: 'Closed lost', body: 'Debrief with the champion booked; keep in touch for next year.' },
  suspended: { type: 'note', subject: 'On hold', body: 'Project paused during their reorganisation; check back next quarter.' },
  reactivated: { type: 'call', subject: 'Project back on', body: 'New budget owner wants to restart where we left off.' },
  reopened: { type: 'note', subject: 'Reopened', body: 'Reopened after the customer came back with a revised scope.' },
};

export const CALL_NOTES = [
  'Left a voicemail; will try again Thursday.',
  'Good call: they are rolling out to a second team next quarter.',
  'Discussed the SSO requirements; sending docs.',
  'They asked about the Teams integration for managers.',
  'Quick check-in; no blockers.',
];

export const MEETING_SUBJECTS = ['Quarterly business review', 'Onboarding session', 'Roadmap preview', 'Security review', 'Executive sponsor meeting'];

export const NOTES = [
  'New head of procurement starts next month.',
  'Prefers email over calls.',
  'Fiscal year ends in March; budgets set in January.',
  'Uses a competitor in one region; opportunity to consolidate.',
  'Asked for a reference customer in their industry.',
];

export const CHATS = ['Shared the pricing sheet in the deal channel', 'Asked solutions engineering for help with the SSO question', 'Flagged a support ticket from this account'];
