/** Email address rules shared by lookup, contacts and the extension. */

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** Lower case, trimmed: addresses are unique case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The address with any "+tag" removed from the local part: ann+news@acme.com → ann@acme.com. */
export function canonicalEmail(email: string): string {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf('@');
  if (at < 0) return normalized;
  const local = normalized.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${normalized.slice(at + 1)}`;
}

export function domainOf(email: string): string {
  const normalized = normalizeEmail(email);
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}

/** A web domain in the form accounts store it: lower case, no scheme, no "www.", no path. */
export function normalizeDomain(input: string): string {
  let domain = input.trim().toLowerCase();
  domain = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  domain = domain.replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (domain.includes('@')) domain = domain.slice(domain.lastIndexOf('@') + 1);
  return domain.replace(/^www\./, '');
}

const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export function isDomain(text: string): boolean {
  return DOMAIN.test(normalizeDomain(text));
}

/** The domain and each parent that is still a registrable-looking name: eu.sales.acme.com → [eu.sales.acme.com, sales.acme.com, acme.com]. */
export function domainAndParents(domain: string): string[] {
  const parts = normalizeDomain(domain).split('.');
  const out: string[] = [];
  for (let i = 0; i <= parts.length - 2; i += 1) out.push(parts.slice(i).join('.'));
  return out;
}

/**
 * Providers where an address says nothing about the company: a sender at one of these
 * never matches or creates an account by domain.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'zoho.com', 'fastmail.com', 'hey.com', 'tutanota.com',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com',
  'aliyun.com', '139.com', 'naver.com', 'daum.net', 'hanmail.net', 'orange.fr', 'free.fr',
  'laposte.net', 'libero.it', 't-online.de', 'rediffmail.com', 'seznam.cz', 'wp.pl', 'o2.pl',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(normalizeDomain(domain));
}
