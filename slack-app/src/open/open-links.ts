import { createHmac, timingSafeEqual } from 'node:crypto';
import { asCrmError, formatMoney, type Clock, type CustomerCard, type Services } from '@rapport/core';

/** How long an "Open in browser" link works. */
export const OPEN_LINK_TTL_MS = 7 * 86_400_000;

export interface OpenLinks {
  /** A link that shows the customer's card as `userId` sees it, or null without a public URL. */
  urlFor(customerId: string, userId: string): string | null;
  /** GET /slack/open/<link>: the card as an HTML page; 404 for a wrong or expired link. */
  page(link: string): Promise<Response>;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const unb64 = (text: string): string => Buffer.from(text, 'base64url').toString('utf8');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * "Open in browser" links: signed with the Slack signing secret, bound to the person they
 * were made for (their card shows the reminders only they may see) and expiring after a week.
 */
export function openLinks(options: { services: Services; clock: Clock; secret: string; publicUrl: string | null }): OpenLinks {
  const sign = (payload: string) => createHmac('sha256', `rapport-open-link:${options.secret}`).update(payload).digest('base64url');
  return {
    urlFor(customerId, userId) {
      if (!options.publicUrl || !customerId) return null;
      const payload = b64(JSON.stringify({ u: userId, c: customerId, e: options.clock.now().getTime() + OPEN_LINK_TTL_MS }));
      return `${options.publicUrl}/slack/open/${payload}.${sign(payload)}`;
    },
    async page(link) {
      const [payload = '', signature = ''] = link.split('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      const gone = () => html(404, 'Link not valid', '<p>This link is not valid or has expired. Open the customer from Slack again.</p>');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return gone();
      let claims: { u?: unknown; c?: unknown; e?: unknown };
      try {
        claims = JSON.parse(unb64(payload)) as typeof claims;
      } catch {
        return gone();
      }
      if (typeof claims.u !== 'string' || typeof claims.c !== 'string' || typeof claims.e !== 'number' || claims.e < options.clock.now().getTime()) return gone();
      try {
        const user = await options.services.users.get(null, claims.u);
        if (!user.active) return gone();
        const key = claims.c.startsWith('acc_') ? { accountId: claims.c } : { contactId: claims.c };
        const card = await options.services.cards.card({ user, surface: 'slack' }, key);
        return html(200, card.contact?.name ?? card.account?.name ?? 'Customer', cardHtml(card));
      } catch (error) {
        const crm = asCrmError(error);
        return html(crm.code === 'not_found' ? 404 : 503, 'Not available', `<p>${escapeHtml(crm.message)}</p>`);
      }
    },
  };
}

function cardHtml(card: CustomerCard): string {
  const e = escapeHtml;
  const person = (id: string) => e(card.people[id]?.name ?? '');
  const rows: string[] = [];
  if (card.contact) {
    rows.push(`<h1>${e(card.contact.name)}</h1>`, `<p class="sub">${[card.contact.title, card.account?.name].filter(Boolean).map((t) => e(String(t))).join(' · ')}</p>`);
    rows.push(`<p>${card.contact.emails.map(e).join(', ')} ${card.contact.phones.map(e).join(', ')}</p>`);
  } else if (card.account) {
    rows.push(`<h1>${e(card.account.name)}</h1>`, `<p class="sub">${card.account.domains.map(e).join(', ')} · ${e(card.account.lifecycle)}</p>`);
  }
  rows.push('<h2>Open deals</h2>', card.openDeals.length === 0 ? '<p>None.</p>' : `<table>${card.openDeals.map((d) => `<tr><td>${e(d.deal.title)}</td><td>${e(d.stageName)}</td><td class="n">${e(formatMoney(d.deal.amount))}</td><td>${e(d.deal.expectedCloseDate ?? '')}</td><td>${d.daysInStage} d in stage</td><td>${person(d.deal.ownerId)}</td></tr>`).join('')}</table>`);
  rows.push('<h2>Last activities</h2>', card.lastActivities.length === 0 ? '<p>Nothing logged yet.</p>' : `<ul>${card.lastActivities.map((a) => `<li><b>${e(a.type)}</b> ${e(a.occurredAt.slice(0, 10))} · ${person(a.authorId)}: ${e(a.subject ?? a.body ?? '')}</li>`).join('')}</ul>`);
  if (card.openReminders.length > 0) rows.push('<h2>Open reminders</h2>', `<ul>${card.openReminders.map((r) => `<li>${e(r.title)} · ${e((r.snoozedUntil ?? r.dueAt).slice(0, 16).replace('T', ' '))} UTC · ${person(r.assigneeId)}</li>`).join('')}</ul>`);
  return rows.join('\n');
}

function html(status: number, title: string, body: string): Response {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Rapport</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#1d1c1d}h1{margin:0}h2{font-size:1rem;margin-top:1.5rem}.sub{color:#616061;margin:.2rem 0}table{border-collapse:collapse;width:100%}td{padding:.3rem .5rem;border-bottom:1px solid #eee}.n{text-align:right}</style></head><body>${body}</body></html>`;
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'referrer-policy': 'no-referrer' } });
}
