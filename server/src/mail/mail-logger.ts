import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CrmError, EmailAddress, type LoggedActivity, type Services, type User } from '@rapport/core';
import type { Logger } from '../logger.js';
import type { ReceivedMail } from './received-mail.js';
import { describeChecks } from './sender-checks.js';

const MAX_TEXT = 20_000;
const MAX_PARTICIPANTS = 200;

const isAddress = (a: string): boolean => EmailAddress.safeParse(a).success;

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Logs mail received at a user's logging address, through the same capture rule as every
 * other route: on the first of the original sender (of a forwarded message), From, To and Cc
 * that someone in Rapport has, leaving out the user's own address and logging addresses. The
 * activity lists the attachments and the sender checks the headers report. Throws
 * `CrmError('not_found')` when nobody in Rapport has any of the addresses.
 */
export class MailLogger {
  constructor(
    private readonly services: Services,
    private readonly options: { domain: string; attachmentsDir: string | null },
    private readonly logger: Logger,
  ) {}

  async log(user: User, mail: ReceivedMail): Promise<LoggedActivity> {
    const own = (a: string) => a === user.email.toLowerCase() || a.endsWith(`@${this.options.domain}`);
    const everyone = [...new Set([mail.forwardedFrom, mail.from, ...mail.to, ...mail.cc].filter((a): a is string => a !== null && isAddress(a)))];
    const candidates = everyone.filter((a) => !own(a));
    const participants = everyone.filter((a) => !a.endsWith(`@${this.options.domain}`)).slice(0, MAX_PARTICIPANTS);
    const actor = { user, surface: 'email' as const };
    for (const email of candidates) {
      try {
        const logged = await this.services.capture.logEmail(actor, {
          email,
          messageId: mail.messageId,
          subject: mail.subject,
          text: this.body(mail),
          occurredAt: mail.date,
          participants,
          from: mail.forwardedFrom ?? (mail.from && isAddress(mail.from) ? mail.from : null),
          inReplyTo: mail.inReplyTo,
          references: mail.references,
        });
        if (logged.created) await this.storeAttachments(logged.activity.id, mail);
        return logged;
      } catch (error) {
        if (error instanceof CrmError && error.code === 'not_found') continue;
        throw error;
      }
    }
    throw new CrmError('not_found', `Nobody in Rapport has any address on this message (${candidates.slice(0, 5).join(', ') || 'none but your own'}): create the contact first, then send it again.`);
  }

  /** The text, then the attachments and the sender checks, within the activity's length. */
  private body(mail: ReceivedMail): string {
    const stored = this.options.attachmentsDir ? 'stored' : 'not stored';
    const footer = [
      mail.attachments.length > 0 ? `Attachments (${stored}): ${mail.attachments.map((a) => `${a.filename} (${a.contentType}, ${sizeOf(a.size)})`).join(', ')}` : '',
      describeChecks(mail.checks),
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 4000);
    return `${mail.text.slice(0, MAX_TEXT - footer.length - 6)}\n\n---\n${footer}`.trim();
  }

  private async storeAttachments(activityId: string, mail: ReceivedMail): Promise<void> {
    if (!this.options.attachmentsDir || mail.attachments.length === 0) return;
    const folder = join(this.options.attachmentsDir, activityId);
    try {
      await mkdir(folder, { recursive: true });
      for (const [index, attachment] of mail.attachments.entries()) {
        const name = attachment.filename.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'unnamed';
        await writeFile(join(folder, `${index + 1}-${name}`), attachment.content);
      }
    } catch (error) {
      // The activity is logged; only the files are missing, and the log says why.
      this.logger.warn('mail attachments not stored', { activityId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
