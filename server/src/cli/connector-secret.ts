import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrmError } from '@rapport/core';

/**
 * A connector's token kept encrypted at rest: AES-256-GCM with a key from
 * RAPPORT_CONNECTOR_KEY (64 hex characters) or, when unset, a key file `connector.key` made
 * once in the data folder (readable by its owner only). The database holds only the sealed token.
 */
const KEY_FILE = 'connector.key';

export function connectorKey(env: Record<string, string | undefined>, dataDir: string): Buffer {
  const given = env.RAPPORT_CONNECTOR_KEY?.trim();
  if (given) {
    if (!/^[0-9a-f]{64}$/i.test(given)) throw new CrmError('invalid_input', 'RAPPORT_CONNECTOR_KEY must be 64 hex characters (32 bytes), such as the output of `openssl rand -hex 32`.');
    return Buffer.from(given, 'hex');
  }
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export function sealToken(token: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
}

export function openToken(sealed: string, key: Buffer): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv ?? Buffer.alloc(0));
    decipher.setAuthTag(tag ?? Buffer.alloc(0));
    return Buffer.concat([decipher.update(data ?? Buffer.alloc(0)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new CrmError('unauthenticated', 'The stored CRM token cannot be read with this hub’s connector key (RAPPORT_CONNECTOR_KEY or connector.key changed). Connect again.', { cause: error });
  }
}
