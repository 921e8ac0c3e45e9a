import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CrmError, type User } from '@rapport/core';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { HubSurface, SurfaceFactory } from '../runtime/hub-surface.js';
import { LoggingAddressService } from './logging-address.service.js';
import type { MailConfig } from './mail-config.js';
import { MailLogger } from './mail-logger.js';
import { readReceivedMail } from './received-mail.js';

/** The mail surface of a running hub: where it listens (tests connect to it). */
export interface MailHubSurface extends HubSurface {
  readonly name: 'mail';
  address(): { host: string; port: number } | null;
}

/** An SMTP reply to a command: its code and enhanced status come first in the text. */
const reply = (responseCode: number, message: string): Error => Object.assign(new Error(message), { responseCode });

function readTls(tls: NonNullable<MailConfig['tls']>): { key: Buffer; cert: Buffer } {
  const read = (file: string, setting: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new CrmError('invalid_input', `${setting}: cannot read ${file} (${error instanceof Error ? error.message : String(error)}).`, { issues: [{ path: setting, message: 'Unreadable file.' }] });
    }
  };
  return { key: read(tls.keyFile, 'RAPPORT_SMTP_TLS_KEY'), cert: read(tls.certFile, 'RAPPORT_SMTP_TLS_CERT') };
}

/**
 * The hub's mail listener: takes mail for logging addresses over SMTP and logs it for their
 * users. Refuses an unknown recipient at RCPT (550), an oversized message (552) and one it
 * cannot read or log (5xx saying why); a failure of the database is a temporary 451, so the
 * sending server tries again. Off until RAPPORT_SMTP_PORT is set.
 */
export const mailSurface: SurfaceFactory = ({ config, services, store, clock, logger }) => {
  const mail = config.mail;
  if (mail.port === null) return { name: 'mail', off: 'set RAPPORT_SMTP_PORT (and RAPPORT_MAIL_DOMAIN) to take mail at logging addresses' };
  const addresses = new LoggingAddressService({ store, clock }, { domain: mail.domain, accepting: true });
  const mailLogger = new MailLogger(services, { domain: mail.domain, attachmentsDir: mail.storeAttachments ? join(config.dataDir, 'mail-attachments') : null }, logger);
  const port = mail.port;

  const onRcptTo = (address: { address: string }, _session: SMTPServerSession, callback: (err?: Error | null) => void): void => {
    addresses.ownerOf(address.address).then(
      (user) => {
        if (!user) return callback(reply(550, `5.1.1 <${address.address}>: no such logging address here. Find yours in Rapport (your logging address), or make a new one.`));
        callback();
      },
      (error: unknown) => {
        logger.warn('mail refused for now: recipient lookup failed', { error: error instanceof Error ? error.message : String(error) });
        callback(reply(451, '4.3.0 Rapport cannot look up this address just now; try again later.'));
      },
    );
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= mail.maxBytes) chunks.push(chunk);
    });
    stream.on('error', () => callback(reply(451, '4.3.0 The message was cut off; send it again.')));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > mail.maxBytes) return callback(reply(552, `5.3.4 The message is larger than this hub takes (${mail.maxBytes} bytes).`));
      deliver(Buffer.concat(chunks), session.envelope.rcptTo.map((r) => r.address)).then(
        () => callback(),
        (error: unknown) => callback(refusal(error)),
      );
    });
  };

  /** Logs the message for each accepted recipient's user (looked up again: an address rotated meanwhile no longer counts). */
  const deliver = async (raw: Buffer, rcptTo: readonly string[]): Promise<void> => {
    if (raw.length === 0) throw reply(554, '5.6.0 The message is empty.');
    const users = new Map<string, User>();
    for (const to of rcptTo) {
      const user = await addresses.ownerOf(to);
      if (user) users.set(user.id, user);
    }
    if (users.size === 0) throw reply(550, '5.1.1 None of the recipients is a logging address here any more.');
    const received = await readReceivedMail(raw).catch((error: unknown) => {
      throw reply(554, `5.6.0 Rapport could not read this message: ${error instanceof Error ? error.message : String(error)}.`);
    });
    for (const user of users.values()) {
      const logged = await mailLogger.log(user, received);
      logger.info('mail logged', { user: user.id, activity: logged.activity.id, created: logged.created });
    }
  };

  const refusal = (error: unknown): Error => {
    if (error instanceof Error && 'responseCode' in error) return error;
    if (error instanceof CrmError && error.code === 'not_found') return reply(550, `5.1.0 ${error.message}`);
    if (error instanceof CrmError && error.code === 'invalid_input') return reply(554, `5.6.0 Rapport could not log this message: ${error.message}`);
    logger.warn('mail refused for now: logging failed', { error: error instanceof Error ? error.message : String(error) });
    return reply(451, '4.3.0 Rapport could not log this message just now; try again later.');
  };

  const server = new SMTPServer({
    name: mail.domain,
    banner: 'Rapport takes mail for logging addresses',
    size: mail.maxBytes,
    authOptional: true,
    disabledCommands: mail.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(mail.tls ? readTls(mail.tls) : {}),
    logger: false,
    // On stop, connections still open get this long to finish before they are closed.
    closeTimeout: 5_000,
    onRcptTo,
    onData,
  });
  // A client's broken connection or a bad TLS handshake is its own problem: logged, never thrown.
  server.on('error', (error) => logger.warn('mail connection error', { error: error.message }));

  let listening = false;
  const surface: MailHubSurface = {
    name: 'mail',
    address: () => {
      const info = listening ? (server.server.address() as AddressInfo | null) : null;
      return info ? { host: info.address, port: info.port } : null;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, mail.host, () => {
          server.server.off('error', reject);
          listening = true;
          logger.info(`mail: taking mail for log+…@${mail.domain} on ${mail.host}:${surface.address()?.port ?? port}`);
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!listening) return resolve();
        listening = false;
        server.close(() => resolve());
      }),
  };
  return surface;
};
