import { domainOf, isFreeMailDomain } from '@rapport/core';

/** A company name from a web domain: "acme-robotics.co.uk" → "Acme Robotics". */
export function companyFromDomain(domain: string): string {
  const label = domain.replace(/^www\./, '').split('.')[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The account to create with a new contact: from the address's web domain, unless it is a
 * free-mail domain (gmail.com, qq.com, 163.com, …) or the rep's own company's domain.
 */
export function suggestAccount(email: string, ownEmails: readonly string[]): { domain: string | null; company: string | null } {
  const domain = domainOf(email);
  const own = new Set(ownEmails.map(domainOf));
  if (isFreeMailDomain(domain) || own.has(domain)) return { domain: null, company: null };
  return { domain, company: companyFromDomain(domain) };
}
