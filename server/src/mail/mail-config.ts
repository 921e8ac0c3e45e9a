import { CrmError } from '@rapport/core';

/**
 * The hub's mail listener (SMTP), off unless RAPPORT_SMTP_PORT is set. Logging addresses are
 * `log+<secret>@<domain>` whether it is on or not, so a user can get theirs before it is.
 */
export interface MailConfig {
  /** The port to accept mail on; null: the listener is off. RAPPORT_SMTP_PORT */
  port: number | null;
  /** The interface to listen on. RAPPORT_SMTP_HOST, default HOST */
  host: string;
  /** The domain of logging addresses and the name the listener greets with. RAPPORT_MAIL_DOMAIN, default the public URL's host name */
  domain: string;
  /** PEM files for STARTTLS; both or neither. RAPPORT_SMTP_TLS_KEY, RAPPORT_SMTP_TLS_CERT */
  tls: { keyFile: string; certFile: string } | null;
  /** The largest message taken, in bytes. RAPPORT_SMTP_MAX_BYTES, default 10 MiB */
  maxBytes: number;
  /** Whether attachments are written to the data folder; otherwise only listed. RAPPORT_SMTP_STORE_ATTACHMENTS, default 0 */
  storeAttachments: boolean;
}

export const MAIL_SETTINGS: ReadonlyArray<{ name: string; default: string; description: string }> = [
  { name: 'RAPPORT_SMTP_PORT', default: '(unset: mail off)', description: 'Port the hub takes mail for logging addresses on (25 when it is the domain\'s MX; 2525 behind a relay).' },
  { name: 'RAPPORT_SMTP_HOST', default: '<HOST>', description: 'Interface the mail listener binds to.' },
  { name: 'RAPPORT_MAIL_DOMAIN', default: '<public URL host>', description: 'Domain of logging addresses (log+<secret>@<domain>); its MX record points at this hub.' },
  { name: 'RAPPORT_SMTP_TLS_KEY', default: '(unset: no STARTTLS)', description: 'PEM private key file for STARTTLS; with RAPPORT_SMTP_TLS_CERT.' },
  { name: 'RAPPORT_SMTP_TLS_CERT', default: '(unset: no STARTTLS)', description: 'PEM certificate (chain) file for STARTTLS.' },
  { name: 'RAPPORT_SMTP_MAX_BYTES', default: '10485760', description: 'Largest message accepted; a larger one is refused with 552.' },
  { name: 'RAPPORT_SMTP_STORE_ATTACHMENTS', default: '0', description: '1 writes received attachments under <data folder>/mail-attachments; by default they are only listed on the activity.' },
];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function invalid(name: string, message: string): CrmError {
  return new CrmError('invalid_input', `${name}: ${message}`, { issues: [{ path: name, message }] });
}

/** Reads the mail settings; `host` and `publicUrl` are the hub's, for the defaults. */
export function readMailConfig(env: NodeJS.ProcessEnv, defaults: { host: string; publicUrl: string }): MailConfig {
  const portText = env.RAPPORT_SMTP_PORT?.trim();
  const port = portText ? Number(portText) : null;
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw invalid('RAPPORT_SMTP_PORT', `"${portText}" is not a port number (0–65535).`);
  let fallbackDomain = 'localhost';
  try {
    fallbackDomain = new URL(defaults.publicUrl).hostname;
  } catch {
    // The hub's own settings check says what is wrong with RAPPORT_PUBLIC_URL.
  }
  const domain = (env.RAPPORT_MAIL_DOMAIN?.trim() || fallbackDomain).toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(domain)) throw invalid('RAPPORT_MAIL_DOMAIN', `"${domain}" is not a domain name such as crm.example.com.`);
  const keyFile = env.RAPPORT_SMTP_TLS_KEY?.trim() || null;
  const certFile = env.RAPPORT_SMTP_TLS_CERT?.trim() || null;
  if ((keyFile === null) !== (certFile === null)) throw invalid(keyFile ? 'RAPPORT_SMTP_TLS_CERT' : 'RAPPORT_SMTP_TLS_KEY', 'Set both RAPPORT_SMTP_TLS_KEY and RAPPORT_SMTP_TLS_CERT for STARTTLS, or neither.');
  const maxBytes = Number(env.RAPPORT_SMTP_MAX_BYTES?.trim() || 10 * 1024 * 1024);
  if (!Number.isInteger(maxBytes) || maxBytes < 1024) throw invalid('RAPPORT_SMTP_MAX_BYTES', 'Use a whole number of bytes, at least 1024.');
  const store = env.RAPPORT_SMTP_STORE_ATTACHMENTS?.trim().toLowerCase();
  return {
    port,
    host: env.RAPPORT_SMTP_HOST?.trim() || defaults.host,
    domain,
    tls: keyFile && certFile ? { keyFile, certFile } : null,
    maxBytes,
    storeAttachments: store !== undefined && store !== '' && !['0', 'false', 'off', 'no'].includes(store),
  };
}
