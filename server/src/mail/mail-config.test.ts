import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';

describe('the mail settings', () => {
  it('leave mail off by default, with addresses at the public URL\'s host, 10 MiB, attachments listed only', () => {
    expect(readConfig({ RAPPORT_PUBLIC_URL: 'https://CRM.Example.com/' }).mail).toEqual({
      port: null,
      host: '127.0.0.1',
      domain: 'crm.example.com',
      tls: null,
      maxBytes: 10 * 1024 * 1024,
      storeAttachments: false,
    });
  });

  it('turn mail on with a port, and take the domain, size and attachment settings', () => {
    const mail = readConfig({ RAPPORT_SMTP_PORT: '2525', HOST: '0.0.0.0', RAPPORT_MAIL_DOMAIN: 'log.acme.example', RAPPORT_SMTP_MAX_BYTES: '2048', RAPPORT_SMTP_STORE_ATTACHMENTS: '1' }).mail;
    expect(mail).toMatchObject({ port: 2525, host: '0.0.0.0', domain: 'log.acme.example', maxBytes: 2048, storeAttachments: true });
  });

  it('refuse what cannot work, saying which setting to fix', () => {
    expect(() => readConfig({ RAPPORT_SMTP_PORT: 'twenty-five' })).toThrow(/RAPPORT_SMTP_PORT: "twenty-five" is not a port number/);
    expect(() => readConfig({ RAPPORT_MAIL_DOMAIN: 'not a domain' })).toThrow(/RAPPORT_MAIL_DOMAIN: "not a domain" is not a domain name/);
    expect(() => readConfig({ RAPPORT_SMTP_TLS_KEY: '/etc/key.pem' })).toThrow(/RAPPORT_SMTP_TLS_CERT: Set both/);
    expect(() => readConfig({ RAPPORT_SMTP_MAX_BYTES: '10' })).toThrow(/RAPPORT_SMTP_MAX_BYTES/);
  });
});
