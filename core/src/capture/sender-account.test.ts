import { describe, expect, it } from 'vitest';
import { companyFromDomain, mayFoundAccount, suggestSenderAccount } from './sender-account.js';

describe('the account a sender belongs to', () => {
  it('is offered from the web domain, never from free mail or the rep\'s own company', () => {
    expect(suggestSenderAccount('zoe@acme-robotics.co.uk', ['ann@rapport.test'])).toEqual({ domain: 'acme-robotics.co.uk', company: 'Acme Robotics' });
    for (const free of ['li.na@163.com', 'wang@qq.com', 'someone@gmail.com', 'x@outlook.com']) expect(suggestSenderAccount(free, [])).toEqual({ domain: null, company: null });
    expect(suggestSenderAccount('raj@rapport.test', ['ann@rapport.test'])).toEqual({ domain: null, company: null });
    expect(companyFromDomain('initech.example')).toBe('Initech');
  });

  it('is never founded without a domain or from a free-mail one', () => {
    expect(mayFoundAccount(null)).toBe(false);
    expect(mayFoundAccount('QQ.com')).toBe(false);
    expect(mayFoundAccount('globex.example')).toBe(true);
  });
});
