import { describe, expect, it } from 'vitest';
import { describeChecks, senderChecks } from './sender-checks.js';

const headers = (entries: Array<[string, string | string[]]>) => new Map<string, string | string[]>(entries) as Parameters<typeof senderChecks>[0];

describe('the sender checks recorded on a received message', () => {
  it('keep who reported each result, and whether DKIM passed for the From domain itself', () => {
    const checks = senderChecks(
      headers([
        ['authentication-results', ['mx.rapport.test; spf=pass smtp.mailfrom=acme.example; dkim=pass header.d=mail.elsewhere.example; dmarc=fail', 'evil.example; dkim=pass header.d=acme.example']],
        ['received-spf', 'Pass (mx.rapport.test: domain of acme.example designates 192.0.2.1 as permitted sender)'],
      ]),
      'zoe@acme.example',
    );
    expect(checks.results).toEqual([
      { by: 'mx.rapport.test', spf: 'pass', dkim: 'pass', dmarc: 'fail', dkimDomain: 'mail.elsewhere.example' },
      { by: 'evil.example', spf: null, dkim: 'pass', dmarc: null, dkimDomain: 'acme.example' },
    ]);
    expect(checks.receivedSpf).toBe('pass');
    // Aligned, but only because a second header says so: the text names who claims it, for the rep to weigh.
    expect(describeChecks(checks)).toBe(
      'Sender checks, not verified by Rapport — reported by mx.rapport.test: spf=pass dkim=pass (mail.elsewhere.example) dmarc=fail; reported by evil.example: dkim=pass (acme.example); Received-SPF: pass; DKIM for the From domain: yes.',
    );
  });

  it('say so when the headers report nothing', () => {
    expect(describeChecks(senderChecks(headers([]), 'zoe@acme.example'))).toBe('Sender checks: none in the headers (not verified by Rapport).');
    expect(senderChecks(headers([['authentication-results', 'mx; dkim=pass header.d=other.example']]), 'zoe@acme.example').dkimAlignsWithFrom).toBe(false);
  });
});
