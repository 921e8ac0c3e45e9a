import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Activity, Reminder } from '@rapport/core';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { surfaceOf } from '../runtime/hub-surface.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { MailHubSurface } from './mail.surface.js';

const DOMAIN = 'crm.rapport.test';
const MAX_BYTES = 64 * 1024;

/** Mail sent with nodemailer, a real SMTP client, to the hub's own listener on a free port. */
describe('the hub\'s mail listener (logging addresses over SMTP)', () => {
  let test: TestHub;
  let smtp: Transporter;
  let address: string;
  let zoe: { id: string; accountId: string | null };

  beforeAll(async () => {
    const mail = { ...readConfig({}).mail, port: 0, host: '127.0.0.1', domain: DOMAIN, maxBytes: MAX_BYTES };
    test = await createTestHub({ config: { mail } });
    const listener = surfaceOf<MailHubSurface>(test.hub, 'mail');
    await listener?.start?.({ background: false });
    smtp = createTransport({ host: '127.0.0.1', port: listener?.address()?.port ?? 0, secure: false, ignoreTLS: true, name: 'phone.example' });
    const acme = await (await test.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme', domains: ['acme.example'] } })).json();
    zoe = await (await test.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Zoë Ångström', emails: ['zoe@acme.example'], accountId: acme.id } })).json();
    await test.request('ann', 'POST', '/api/v1/contacts', { body: { name: '王芳', emails: ['wang.fang@huawei.example'] } });
    address = (await (await test.request('ann', 'POST', '/api/v1/me/logging-address/rotate', { body: {} })).json()).address;
  });
  afterAll(async () => {
    smtp?.close();
    await test?.hub.close();
  });

  const logged = (messageId: string): Promise<Activity | null> => test.hub.store.read((uow) => uow.activities.findByExternalId(messageId));
  const raw = (lines: string[], body: Buffer | string = ''): Buffer => Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
  const sendRaw = (message: Buffer, to = address) => smtp.sendMail({ envelope: { from: 'ann@rapport.test', to: [to] }, raw: message });

  it('shows the address once, then only its hint, and a rotated address replaces the old one at RCPT', async () => {
    expect(address).toMatch(new RegExp(`^log\\+[a-z2-7]{24}@${DOMAIN.replaceAll('.', '\\.')}$`));
    const shown = await (await test.request('ann', 'GET', '/api/v1/me/logging-address')).json();
    expect(shown).toMatchObject({ address: null, hint: `${address.slice(0, 8)}…@${DOMAIN}`, domain: DOMAIN, accepting: true });
    const other = (await (await test.request('raj', 'POST', '/api/v1/me/logging-address/rotate', { body: {} })).json()).address as string;
    const next = (await (await test.request('raj', 'POST', '/api/v1/me/logging-address/rotate', { body: {} })).json()).address as string;
    expect(next).not.toBe(other);
    await expect(smtp.sendMail({ from: 'raj@rapport.test', to: 'zoe@acme.example', bcc: other, subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(smtp.sendMail({ from: 'raj@rapport.test', to: 'zoe@acme.example', bcc: next, subject: 'Hello', text: 'x', messageId: '<raj-1@rapport.test>' })).resolves.toBeTruthy();
    expect(await logged('<raj-1@rapport.test>')).toMatchObject({ contactId: zoe.id });
  });

  it('logs a plain message BCC\'d from any client on the recipient\'s contact, once per Message-ID', async () => {
    const message = { from: 'Ann <ann@rapport.test>', to: 'Zoë <zoe@acme.example>', bcc: address, subject: 'Renewal', text: 'Hi Zoë, the offer is attached in spirit.', messageId: '<plain-1@rapport.test>' };
    await smtp.sendMail(message);
    await smtp.sendMail(message);
    const activity = await logged('<plain-1@rapport.test>');
    expect(activity).toMatchObject({ type: 'email', subject: 'Renewal', contactId: zoe.id, accountId: zoe.accountId, surface: 'email', authorId: test.ids.ann });
    expect(activity?.body).toMatch(/^Hi Zoë, the offer is attached in spirit\./);
    expect(activity?.participants).toEqual(expect.arrayContaining(['ann@rapport.test', 'zoe@acme.example']));
    const page = await (await test.request('ann', 'GET', `/api/v1/activities?contactId=${zoe.id}&limit=100`)).json();
    expect(page.items.filter((a: Activity) => a.externalId === '<plain-1@rapport.test>')).toHaveLength(1);
  });

  it('logs an HTML-only message as its text', async () => {
    await smtp.sendMail({ from: 'ann@rapport.test', to: 'zoe@acme.example', bcc: address, subject: 'HTML', html: '<h1>Offer</h1><p>Price: <b>4 800 €</b></p>', messageId: '<html-1@rapport.test>' });
    expect((await logged('<html-1@rapport.test>'))?.body).toMatch(/^OFFER\s+Price: 4 800 €/);
  });

  it('lists the attachments of a multipart message without storing them, with the sender checks as reported', async () => {
    await smtp.sendMail({
      from: 'ann@rapport.test',
      to: 'zoe@acme.example',
      bcc: address,
      subject: 'Quote',
      text: 'See the quote.',
      html: '<p>See the quote.</p>',
      messageId: '<multi-1@rapport.test>',
      headers: { 'Authentication-Results': 'mx.rapport.test; spf=pass smtp.mailfrom=rapport.test; dkim=pass header.d=rapport.test; dmarc=pass' },
      attachments: [
        { filename: 'quote.pdf', content: Buffer.alloc(3000, 1), contentType: 'application/pdf' },
        { filename: '报价.txt', content: '价格' },
      ],
    });
    const body = (await logged('<multi-1@rapport.test>'))?.body ?? '';
    expect(body).toMatch(/^See the quote\./);
    expect(body).toContain('Attachments (not stored): quote.pdf (application/pdf, 3 KB), 报价.txt (text/plain, 6 B)');
    expect(body).toContain('not verified by Rapport — reported by mx.rapport.test: spf=pass dkim=pass (rapport.test) dmarc=pass; DKIM for the From domain: yes.');
  });

  it('logs a forwarded customer\'s message on the original sender', async () => {
    const text = 'FYI\n\n---------- Forwarded message ---------\nFrom: 王芳 <wang.fang@huawei.example>\nDate: Tue, 3 Mar 2026\nSubject: 询价\nTo: Ann <ann@rapport.test>\n\n请报价。';
    await smtp.sendMail({ from: 'ann@rapport.test', to: address, subject: 'Fwd: 询价', text, messageId: '<fwd-1@rapport.test>' });
    const activity = await logged('<fwd-1@rapport.test>');
    const wang = await test.hub.store.read((uow) => uow.contacts.findByEmails(['wang.fang@huawei.example']));
    expect(activity).toMatchObject({ subject: 'Fwd: 询价', contactId: wang[0]?.id });
  });

  it('reads mail in other charsets (GB2312, windows-1252, ISO-2022-JP)', async () => {
    const gb = raw(['From: wang.fang@huawei.example', `To: ${address}`, 'Subject: =?GB2312?B?xOO6ww==?=', 'Message-ID: <gb-1@huawei.example>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=GB2312', 'Content-Transfer-Encoding: 8bit'], Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
    const latin = raw(['From: zoe@acme.example', `To: ${address}`, 'Subject: =?windows-1252?Q?Caf=E9?=', 'Message-ID: <latin-1@acme.example>', 'Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: 8bit'], Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]));
    const jis = raw(['From: zoe@acme.example', `To: ${address}`, 'Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=', 'Message-ID: <jis-1@acme.example>', 'Content-Type: text/plain; charset=ISO-2022-JP'], Buffer.from('\x1b$B$3$s$K$A$O\x1b(B', 'latin1'));
    for (const message of [gb, latin, jis]) await sendRaw(message);
    expect(await logged('<gb-1@huawei.example>')).toMatchObject({ subject: '你好' });
    expect((await logged('<gb-1@huawei.example>'))?.body).toMatch(/^你好/);
    expect(await logged('<latin-1@acme.example>')).toMatchObject({ subject: 'Café' });
    expect((await logged('<latin-1@acme.example>'))?.body).toMatch(/^Café €/);
    expect(await logged('<jis-1@acme.example>')).toMatchObject({ subject: 'こんにちは', body: expect.stringMatching(/^こんにちは/) });
  });

  it('logs a message without a Message-ID once, however often it arrives', async () => {
    const message = raw(['From: zoe@acme.example', `To: ${address}`, 'Subject: No id', 'Date: Wed, 4 Mar 2026 10:00:00 +0100'], 'Nobody gave me an id.');
    await sendRaw(message);
    await sendRaw(message);
    const page = await (await test.request('ann', 'GET', `/api/v1/activities?contactId=${zoe.id}&limit=100`)).json();
    const noId = page.items.filter((a: Activity) => a.subject === 'No id');
    expect(noId).toHaveLength(1);
    expect(noId[0]).toMatchObject({ occurredAt: '2026-03-04T09:00:00.000Z', externalId: expect.stringMatching(/^<[0-9a-f]{64}@rapport\.invalid>$/) });
  });

  it('takes huge headers and 8-bit garbage without falling over, and keeps taking mail', async () => {
    const longSubject = `Subject: ${'Ω'.repeat(20_000)}`;
    const manyHeaders = Array.from({ length: 1500 }, (_, i) => `X-Junk-${i}: ${'x'.repeat(10)}`);
    await sendRaw(raw(['From: zoe@acme.example', `To: ${address}`, 'Message-ID: <huge-1@acme.example>', longSubject, ...manyHeaders], 'Still here.'));
    expect((await logged('<huge-1@acme.example>'))?.subject).toHaveLength(500);
    const garbage = Buffer.concat([Buffer.from(`From: zoe@acme.example\r\nTo: ${address}\r\nMessage-ID: <garbage-1@acme.example>\r\nSubject: \xff\xfe\x00\x01\r\n\r\n`, 'latin1'), randomBytes(4000), Buffer.from([0, 0, 0xff, 0xc3])]);
    await sendRaw(garbage).catch((error: { responseCode?: number }) => expect(error.responseCode).toBeGreaterThanOrEqual(500));
    const activity = await logged('<garbage-1@acme.example>');
    expect(activity?.body ?? '').not.toContain('\u0000');
    await smtp.sendMail({ from: 'ann@rapport.test', to: 'zoe@acme.example', bcc: address, subject: 'After', text: 'fine', messageId: '<after-1@rapport.test>' });
    expect(await logged('<after-1@rapport.test>')).not.toBeNull();
  });

  it('refuses an unknown logging address at RCPT with 550 saying so', async () => {
    for (const to of [`log+aaaaaaaaaaaaaaaaaaaaaaaa@${DOMAIN}`, `someone@${DOMAIN}`, 'zoe@acme.example']) {
      const refused = await smtp.sendMail({ from: 'ann@rapport.test', to, subject: 'x', text: 'x' }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ responseCode: 550, response: expect.stringMatching(/no such logging address here/) });
    }
  });

  it('refuses an oversized message with 552, one naming nobody in Rapport with 550, and one without headers with 554', async () => {
    const big = await smtp.sendMail({ from: 'ann@rapport.test', to: 'zoe@acme.example', bcc: address, subject: 'Big', text: 'x'.repeat(MAX_BYTES * 2) }).catch((e: unknown) => e);
    expect(big).toMatchObject({ responseCode: 552 });
    const nobody = await smtp.sendMail({ from: 'ann@rapport.test', to: 'stranger@elsewhere.example', bcc: address, subject: 'Who', text: 'x' }).catch((e: unknown) => e);
    expect(nobody).toMatchObject({ responseCode: 550, response: expect.stringMatching(/create the contact first/) });
    const headless = await sendRaw(Buffer.from('\r\njust words, no headers at all\r\n')).catch((e: unknown) => e);
    expect(headless).toMatchObject({ responseCode: 554, response: expect.stringMatching(/could not read this message: it has no From, To or Cc header with an address/) });
  });

  it('completes a "no reply" reminder when the customer\'s reply reaches the logging address', async () => {
    const answer = await test.request('ann', 'POST', '/api/v1/reminders', {
      body: { due: 'in 3 days', awaitingReply: { messageId: '<offer-7@rapport.test>', email: 'zoe@acme.example' } },
    });
    expect(answer.status).toBe(201);
    const reminder = (await answer.json()) as Reminder;
    expect(reminder.title).toMatch(/^No reply from Zoë Ångström since /);
    await smtp.sendMail({ from: 'zoe@acme.example', to: 'ann@rapport.test', cc: address, subject: 'Re: Offer', text: 'Yes!', messageId: '<re-offer-7@acme.example>', inReplyTo: '<offer-7@rapport.test>', references: ['<offer-7@rapport.test>'] });
    expect(await (await test.request('ann', 'GET', `/api/v1/reminders/${reminder.id}`)).json()).toMatchObject({ status: 'done' });
  });
});

describe('the mail listener\'s life', () => {
  it('is off unless a port is set, and says which setting turns it on', async () => {
    const said: string[] = [];
    const logger = { debug() {}, info: (line: string) => said.push(line), warn() {}, error() {} };
    const test = await createTestHub({ logger });
    expect(surfaceOf<MailHubSurface>(test.hub, 'mail')).toBeNull();
    expect(said).toContain('mail is off: set RAPPORT_SMTP_PORT (and RAPPORT_MAIL_DOMAIN) to take mail at logging addresses');
    expect(await (await test.request('ann', 'GET', '/api/v1/me/logging-address')).json()).toMatchObject({ address: null, hint: null, accepting: false });
    await test.hub.close();
  });

  it('stops taking mail when the hub closes', async () => {
    const test = await createTestHub({ config: { mail: { ...readConfig({}).mail, port: 0, host: '127.0.0.1', domain: DOMAIN } } });
    const listener = surfaceOf<MailHubSurface>(test.hub, 'mail');
    await listener?.start?.({ background: false });
    const port = listener?.address()?.port ?? 0;
    const client = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await expect(client.verify()).resolves.toBe(true);
    await test.hub.close();
    expect(listener?.address()).toBeNull();
    await expect(client.verify()).rejects.toMatchObject({ code: 'ESOCKET' });
    client.close();
  });
});

describe('storing attachments', () => {
  it('writes them under the data folder when RAPPORT_SMTP_STORE_ATTACHMENTS is on, and says so on the activity', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-mail-'));
    const config = readConfig({ RAPPORT_DATA_DIR: dataDir, RAPPORT_SMTP_PORT: '0', RAPPORT_SMTP_STORE_ATTACHMENTS: '1', RAPPORT_MAIL_DOMAIN: DOMAIN });
    const test = await createTestHub({ config: { dataDir: config.dataDir, mail: config.mail } });
    try {
      const listener = surfaceOf<MailHubSurface>(test.hub, 'mail');
      await listener?.start?.({ background: false });
      const client = createTransport({ host: '127.0.0.1', port: listener?.address()?.port ?? 0, secure: false, ignoreTLS: true });
      await test.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Zoë', emails: ['zoe@acme.example'] } });
      const address = (await (await test.request('ann', 'POST', '/api/v1/me/logging-address/rotate', { body: {} })).json()).address as string;
      const pdf = randomBytes(2048);
      await client.sendMail({ from: 'ann@rapport.test', to: 'zoe@acme.example', bcc: address, subject: 'Quote', text: 'Attached.', messageId: '<stored-1@rapport.test>', attachments: [{ filename: 'quote 2026.pdf', content: pdf, contentType: 'application/pdf' }] });
      client.close();
      const activity = await test.hub.store.read((uow) => uow.activities.findByExternalId('<stored-1@rapport.test>'));
      expect(activity?.body).toContain('Attachments (stored): quote 2026.pdf (application/pdf, 2 KB)');
      expect(readFileSync(join(dataDir, 'mail-attachments', activity?.id ?? '', '1-quote_2026.pdf')).equals(pdf)).toBe(true);
    } finally {
      await test.hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('STARTTLS', () => {
  // A throwaway self-signed pair for localhost, made for these tests only.
  const keyFile = fileURLToPath(new URL('./fixtures/localhost-key.pem', import.meta.url));
  const certFile = fileURLToPath(new URL('./fixtures/localhost-cert.pem', import.meta.url));

  it('is offered when a key and certificate are set, and mail sent over it is logged', async () => {
    const mail = { ...readConfig({}).mail, port: 0, host: '127.0.0.1', domain: DOMAIN, tls: { keyFile, certFile } };
    const test = await createTestHub({ config: { mail } });
    try {
      const listener = surfaceOf<MailHubSurface>(test.hub, 'mail');
      await listener?.start?.({ background: false });
      const client = createTransport({ host: '127.0.0.1', port: listener?.address()?.port ?? 0, secure: false, requireTLS: true, tls: { ca: readFileSync(certFile), servername: 'localhost' } });
      await test.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Zoë', emails: ['zoe@acme.example'] } });
      const address = (await (await test.request('ann', 'POST', '/api/v1/me/logging-address/rotate', { body: {} })).json()).address as string;
      await client.sendMail({ from: 'ann@rapport.test', to: 'zoe@acme.example', bcc: address, subject: 'Over TLS', text: 'Private.', messageId: '<tls-1@rapport.test>' });
      client.close();
      expect(await test.hub.store.read((uow) => uow.activities.findByExternalId('<tls-1@rapport.test>'))).toMatchObject({ subject: 'Over TLS' });
    } finally {
      await test.hub.close();
    }
  });

  it('stops the hub at start with the setting to fix when a file cannot be read', async () => {
    const mail = { ...readConfig({}).mail, port: 0, domain: DOMAIN, tls: { keyFile: '/nonexistent/key.pem', certFile } };
    await expect(createTestHub({ config: { mail } })).rejects.toThrow(/RAPPORT_SMTP_TLS_KEY: cannot read \/nonexistent\/key\.pem/);
  });
});
