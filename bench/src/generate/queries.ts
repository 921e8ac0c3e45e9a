import { OWNERS } from './generate.js';
import { Random } from './random.js';
import { accountAt, contactAt } from './records.js';
import { CJK_COMPANIES } from './words.js';
import type { DatasetSize } from './sizes.js';

/** What people type into lookup, drawn from the generated records so every query finds something. */
export interface LookupQueries {
  /** Exact addresses of generated contacts. */
  emails: string[];
  /** Starts of names: "kel", "north", "grace kel", "华为", typed with or without accents. */
  names: string[];
}

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function lookupQueries(size: DatasetSize, count = 500): LookupQueries {
  const random = new Random(7);
  const emails: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const contact = contactAt(random.int(0, size.contacts - 1), size, OWNERS);
    emails.push(contact.emails[0] ?? '');
    const account = accountAt(random.int(0, size.accounts - 1), OWNERS);
    const [given = '', family = ''] = contact.name.split(' ');
    const kind = random.int(0, 3);
    names.push(
      kind === 0 ? fold(family || given).slice(0, random.int(3, 5)) :
      kind === 1 ? account.name.split(' ')[0]?.slice(0, random.int(4, 6)) ?? account.name :
      kind === 2 ? `${given} ${family.slice(0, 3)}`.trim() :
      Array.from(random.pick(CJK_COMPANIES)[0]).slice(0, random.int(2, 3)).join(''),
    );
  }
  return { emails, names };
}
