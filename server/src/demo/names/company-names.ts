import type { Random } from '../random.js';
import { asciiSlug } from './ascii.js';
import { JA_INDUSTRIES, JA_STEMS, KO_INDUSTRIES, KO_STEMS, ZH_BRAND_FIRST, ZH_BRAND_SECOND, ZH_CITIES, ZH_FORMS, ZH_INDUSTRIES } from './cjk-words.js';
import {
  DE_FORMS, DE_INDUSTRIES, DE_STEMS, EMOJI, EN_INDUSTRIES, EN_STEMS, EN_UK_FORMS, EN_US_FORMS, ES_FORMS, ES_INDUSTRIES, ES_STEMS,
  FR_FORMS, FR_INDUSTRIES, FR_PREFIXES, FR_STEMS,
} from './latin-words.js';
import type { Locale } from './locales.js';

export interface CompanyName {
  /** As the company writes it: "深圳华远科技有限公司", "Müller Logistik GmbH". */
  name: string;
  /** What people call it in a deal title: "华远科技", "Müller Logistik". */
  shortName: string;
  /** ASCII words for its web domain: ["huayuan", "tech"]. */
  domainWords: string[];
  industry: string;
}

const join = (...parts: string[]): string => parts.filter((p) => p.length > 0).join(' ');

export function companyName(random: Random, locale: Locale): CompanyName {
  switch (locale) {
    case 'en-us':
    case 'en-gb': {
      const stem = random.pick(EN_STEMS);
      const [word, industry] = random.pick(EN_INDUSTRIES);
      const short = join(stem, word);
      const name = join(short, random.pick(locale === 'en-us' ? EN_US_FORMS : EN_UK_FORMS));
      if (random.chance(0.04)) {
        const emoji = random.pick(EMOJI);
        return { name: random.chance(0.5) ? `${emoji} ${short}` : `${short} ${emoji}`, shortName: short, domainWords: [asciiSlug(stem), asciiSlug(word)], industry };
      }
      return { name, shortName: short, domainWords: [asciiSlug(stem), asciiSlug(word)], industry };
    }
    case 'de': {
      const stem = random.pick(DE_STEMS);
      const [word, industry] = random.pick(DE_INDUSTRIES);
      const style = random.int(0, 2);
      const short = style === 1 ? `${stem} & Söhne` : style === 2 ? join(word, stem) : join(stem, word);
      return { name: join(short, random.pick(DE_FORMS)), shortName: short, domainWords: [asciiSlug(stem, '-'), asciiSlug(word)], industry };
    }
    case 'fr': {
      const stem = random.pick(FR_STEMS);
      const [word, industry] = random.pick(FR_INDUSTRIES);
      const short = random.chance(0.4) ? join(random.pick(FR_PREFIXES), stem) : join(stem, word);
      return { name: join(short, random.pick(FR_FORMS)), shortName: short, domainWords: [asciiSlug(stem, '-'), asciiSlug(word)], industry };
    }
    case 'es': {
      const stem = random.pick(ES_STEMS);
      const [word, industry] = random.pick(ES_INDUSTRIES);
      const short = random.chance(0.3) ? join('Grupo', stem) : join(word, stem);
      return { name: join(short, random.pick(ES_FORMS)), shortName: short, domainWords: [asciiSlug(stem), asciiSlug(word.split(' ')[0] ?? word)], industry };
    }
    case 'zh': {
      const [first, firstLatin] = random.pick(ZH_BRAND_FIRST);
      const [second, secondLatin] = random.pick(ZH_BRAND_SECOND);
      // Some brands are four characters long, like two brands run together.
      const long = random.chance(0.15) ? random.pick(ZH_BRAND_FIRST) : null;
      const brand = `${first}${second}${long?.[0] ?? ''}`;
      const brandLatin = `${firstLatin}${secondLatin}${long?.[1] ?? ''}`;
      const [word, wordLatin, industry] = random.pick(ZH_INDUSTRIES);
      const short = `${brand}${word}`;
      const [city] = random.pick(ZH_CITIES);
      const style = random.weighted([['full', 5], ['short', 3], ['group', 2]] as const);
      const name = style === 'full' ? `${city}${short}${random.pick(ZH_FORMS)}` : style === 'short' ? short : `${brand}集团`;
      return { name, shortName: style === 'group' ? brand : short, domainWords: [brandLatin, wordLatin], industry };
    }
    case 'ja': {
      const [stem, stemLatin] = random.pick(JA_STEMS);
      const [word, wordLatin, industry] = random.pick(JA_INDUSTRIES);
      const short = `${stem}${word}`;
      const name = random.weighted([[`${short}株式会社`, 5], [`株式会社${short}`, 4], [`${short}合同会社`, 1]] as const);
      return { name, shortName: short, domainWords: [stemLatin, wordLatin], industry };
    }
    case 'ko': {
      const [stem, stemLatin] = random.pick(KO_STEMS);
      const [word, wordLatin, industry] = random.pick(KO_INDUSTRIES);
      const short = `${stem}${word}`;
      const name = random.weighted([[short, 5], [`주식회사 ${short}`, 3], [`(주)${short}`, 2]] as const);
      return { name, shortName: short, domainWords: [stemLatin, wordLatin], industry };
    }
  }
}
