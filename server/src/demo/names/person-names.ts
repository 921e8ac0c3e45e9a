import type { Random } from '../random.js';
import { asciiSlug } from './ascii.js';
import { JA_GIVEN, JA_SURNAMES, KO_GIVEN, KO_SURNAMES, ZH_GIVEN, ZH_SURNAMES, type Romanized } from './cjk-words.js';
import { DE_FIRST, DE_LAST, EMOJI, EN_FIRST, EN_LAST, ES_FIRST, ES_LAST, FR_FIRST, FR_LAST } from './latin-words.js';
import type { Locale } from './locales.js';

export interface PersonName {
  /** As the person writes it: "Jürgen Köhler", "王伟", "佐藤 健太". */
  name: string;
  /** ASCII forms for an email address: "juergen", "koehler"; "wei", "wang". */
  given: string;
  family: string;
}

const LATIN: Record<'en' | 'de' | 'fr' | 'es', readonly [readonly string[], readonly string[]]> = {
  en: [EN_FIRST, EN_LAST],
  de: [DE_FIRST, DE_LAST],
  fr: [FR_FIRST, FR_LAST],
  es: [ES_FIRST, ES_LAST],
};

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function latin(random: Random, lists: readonly [readonly string[], readonly string[]]): PersonName {
  const given = random.pick(lists[0]);
  const family = random.pick(lists[1]);
  return { name: `${given} ${family}`, given: asciiSlug(given), family: asciiSlug(family) };
}

function cjk(random: Random, surnames: readonly Romanized[], givens: readonly Romanized[], spaced: boolean): PersonName {
  const [family, familyLatin] = random.pick(surnames);
  const [given, givenLatin] = random.pick(givens);
  return { name: spaced ? `${family} ${given}` : `${family}${given}`, given: givenLatin, family: familyLatin };
}

/** A made-up person of this market. Some people in China and Korea go by an English first name at work. */
export function personName(random: Random, locale: Locale): PersonName {
  let person: PersonName;
  switch (locale) {
    case 'en-us':
    case 'en-gb':
      person = latin(random, LATIN.en);
      break;
    case 'de':
    case 'fr':
    case 'es':
      person = latin(random, LATIN[locale]);
      break;
    case 'zh':
    case 'ko': {
      const [surnames, givens] = locale === 'zh' ? [ZH_SURNAMES, ZH_GIVEN] : [KO_SURNAMES, KO_GIVEN];
      if (random.chance(0.15)) {
        const given = random.pick(EN_FIRST);
        const [, familyLatin] = random.pick(surnames);
        person = { name: `${given} ${capitalize(familyLatin)}`, given: asciiSlug(given), family: familyLatin };
      } else {
        person = cjk(random, surnames, givens, false);
      }
      break;
    }
    case 'ja':
      person = cjk(random, JA_SURNAMES, JA_GIVEN, random.chance(0.5));
      break;
  }
  if (random.chance(0.006)) person = { ...person, name: `${person.name} ${random.pick(EMOJI)}` };
  return person;
}

const TAGS = ['crm', 'sales', 'billing', 'vendors', 'news'];

/**
 * A plausible, unused work address for the person at `domain`: "lena.mueller@…", "lmueller@…",
 * sometimes with a "+tag". Adds it to `taken`.
 */
export function workEmail(random: Random, person: PersonName, domain: string, taken: Set<string>): string {
  const style = random.weighted([['dot', 6], ['initial', 2], ['given', 1], ['underscore', 1]] as const);
  const local =
    style === 'dot' ? `${person.given}.${person.family}` :
    style === 'initial' ? `${person.given.charAt(0)}${person.family}` :
    style === 'given' ? person.given :
    `${person.given}_${person.family}`;
  const tag = random.chance(0.06) ? `+${random.pick(TAGS)}` : '';
  // Uniqueness is kept on the address without its tag, as lookups by canonical address see it.
  let base = local;
  for (let n = 2; taken.has(`${base}@${domain}`); n += 1) base = `${local}${n}`;
  taken.add(`${base}@${domain}`);
  return `${base}${tag}@${domain}`;
}
