import { domainOf, isFreeMailDomain, normalizeDomain } from '../shared/email.js';

/**
 * The one rule for which account an email's sender belongs to. An address at a free-mail
 * provider (gmail.com, qq.com, 163.com, …) says nothing about the sender's company, and the
 * rep's own company's domain is not a customer: neither ever founds an account.
 */
export function mayFoundAccount(domain: string | null, ownEmails: readonly string[] = []): domain is string {
  if (!domain || isFreeMailDomain(domain)) return false;
  const own = new Set(ownEmails.map(domainOf));
  return !own.has(normalizeDomain(domain));
}

/** A company name from a web domain: "acme-robotics.co.uk" → "Acme Robotics". */
export function companyFromDomain(domain: string): string {
  const label = domain.replace(/^www\./, '').split('.')[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The account to offer with a new contact: the address's domain and a company named after it, or none. */
export function suggestSenderAccount(email: string, ownEmails: readonly string[]): { domain: string | null; company: string | null } {
  const domain = domainOf(email);
  if (!mayFoundAccount(domain, ownEmails)) return { domain: null, company: null };
  return { domain, company: companyFromDomain(domain) };
}
