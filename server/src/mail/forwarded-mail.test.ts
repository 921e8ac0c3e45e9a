import { describe, expect, it } from 'vitest';
import { forwardedSender } from './forwarded-mail.js';

describe('the original sender of a forwarded message', () => {
  it('is read after the forward line of Gmail, Outlook, Apple Mail and German clients', () => {
    expect(forwardedSender('Fwd: Offer', 'See below\n---------- Forwarded message ---------\nFrom: Zoë <Zoe@Acme.example>\nDate: …')).toBe('zoe@acme.example');
    expect(forwardedSender('FW: Offer', '-----Original Message-----\nFrom: Li Na [mailto:li.na@huawei.example]\nSent: Tuesday')).toBe('li.na@huawei.example');
    expect(forwardedSender('Offer', 'Begin forwarded message:\n\nFrom: "Wang" <wang@huawei.example>\nSubject: x')).toBe('wang@huawei.example');
    expect(forwardedSender('WG: Angebot', '-------- Weitergeleitete Nachricht --------\nVon: Jörg <joerg@firma.example>')).toBe('joerg@firma.example');
  });

  it('is nobody for a message that is not forwarded, even when its text has a From: line', () => {
    expect(forwardedSender('Minutes', 'From: the board\nattendees: anna@acme.example')).toBeNull();
    expect(forwardedSender('Fwd: nothing', 'no sender line here')).toBeNull();
  });
});
