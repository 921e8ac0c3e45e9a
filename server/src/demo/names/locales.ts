import type { Random } from '../random.js';

/** The markets the demo company sells into; each shapes names, domains, phones and currency. */
export type Locale = 'en-us' | 'en-gb' | 'de' | 'fr' | 'es' | 'zh' | 'ja' | 'ko';

export const LOCALE_WEIGHTS: ReadonlyArray<readonly [Locale, number]> = [
  ['en-us', 28], ['en-gb', 9], ['de', 14], ['fr', 8], ['es', 7], ['zh', 16], ['ja', 10], ['ko', 8],
];

interface LocaleTraits {
  /** Top-level domains for company sites, most common first. */
  tlds: readonly string[];
  currencies: ReadonlyArray<readonly [string, number]>;
  /** Free-mail providers people of this market use when their company has no domain. */
  freeMail: readonly string[];
  titles: readonly string[];
  phone(random: Random): string;
}

const digits = (random: Random, count: number): string => Array.from({ length: count }, () => random.int(0, 9)).join('');

export const LOCALES: Record<Locale, LocaleTraits> = {
  'en-us': {
    tlds: ['com', 'com', 'com', 'io', 'co'],
    currencies: [['USD', 1]],
    freeMail: ['gmail.com', 'outlook.com', 'yahoo.com'],
    titles: ['CEO', 'CTO', 'CFO', 'VP Sales', 'Head of Procurement', 'IT Director', 'Operations Manager', 'Purchasing Manager', 'Head of Marketing', 'Customer Success Lead', 'Founder'],
    // 555-0100…0199 is reserved for fiction.
    phone: (r) => `+1 ${r.pick(['212', '415', '312', '617', '206', '512', '303'])} 555 01${digits(r, 2)}`,
  },
  'en-gb': {
    tlds: ['co.uk', 'co.uk', 'com'],
    currencies: [['GBP', 4], ['EUR', 1]],
    freeMail: ['gmail.com', 'outlook.com', 'hotmail.co.uk'],
    titles: ['Managing Director', 'Finance Director', 'Head of IT', 'Procurement Lead', 'Commercial Director', 'Operations Manager'],
    // 020 7946 0000…0999 is reserved for drama.
    phone: (r) => `+44 20 7946 0${digits(r, 3)}`,
  },
  de: {
    tlds: ['de', 'de', 'de', 'at', 'com'],
    currencies: [['EUR', 1]],
    freeMail: ['gmx.de', 'web.de', 't-online.de'],
    titles: ['Geschäftsführung', 'Leitung Einkauf', 'Leitung IT', 'Vertriebsleitung', 'Teamleitung Logistik', 'Head of Operations'],
    phone: (r) => `+49 ${r.pick(['30', '40', '89', '221', '69'])} ${digits(r, 7)}`,
  },
  fr: {
    tlds: ['fr', 'fr', 'com', 'eu'],
    currencies: [['EUR', 1]],
    freeMail: ['orange.fr', 'free.fr', 'gmail.com'],
    titles: ['Direction générale', 'Responsable des achats', 'Responsable informatique', 'Direction commerciale', 'Responsable de projet', 'DAF'],
    phone: (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  },
  es: {
    tlds: ['es', 'es', 'com'],
    currencies: [['EUR', 1]],
    freeMail: ['gmail.com', 'hotmail.com'],
    titles: ['Dirección General', 'Responsable de Compras', 'Responsable de TI', 'Dirección Comercial', 'Responsable de Operaciones'],
    phone: (r) => `+34 91 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
  },
  zh: {
    tlds: ['cn', 'com.cn', 'com'],
    currencies: [['CNY', 7], ['USD', 3]],
    freeMail: ['qq.com', '163.com', 'foxmail.com'],
    titles: ['总经理', '采购经理', '技术总监', '销售总监', '运营经理', '财务总监', 'IT经理'],
    phone: (r) => (r.chance(0.5) ? `+86 10 ${digits(r, 4)} ${digits(r, 4)}` : `+86 139 ${digits(r, 4)} ${digits(r, 4)}`),
  },
  ja: {
    tlds: ['co.jp', 'co.jp', 'jp'],
    currencies: [['JPY', 3], ['USD', 1]],
    freeMail: ['yahoo.co.jp', 'gmail.com'],
    titles: ['代表取締役', '営業部長', '購買課長', '情報システム部長', '経営企画室長'],
    phone: (r) => `+81 3 ${digits(r, 4)} ${digits(r, 4)}`,
  },
  ko: {
    tlds: ['co.kr', 'co.kr', 'com'],
    currencies: [['USD', 2], ['KRW', 1]],
    freeMail: ['naver.com', 'daum.net'],
    titles: ['대표이사', '구매팀장', '영업이사', 'IT 팀장', '재무이사'],
    phone: (r) => `+82 2 ${digits(r, 4)} ${digits(r, 4)}`,
  },
};
