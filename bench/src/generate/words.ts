/**
 * Word lists for generated names. Large datasets repeat these words on purpose: a prefix
 * such as "north" then matches thousands of records, as common words do in real customer bases.
 */
export const COMPANY_STEMS = [
  'North', 'Silver', 'Granite', 'Harbor', 'Summit', 'Cedar', 'Red', 'Iron', 'Lake', 'Pioneer', 'Atlas',
  'Beacon', 'Crescent', 'Ever', 'Falcon', 'Gold', 'Horizon', 'Key', 'Light', 'Maple', 'Meridian', 'Oak',
  'Pinnacle', 'River', 'Sterling', 'Tide', 'Vantage', 'West', 'Bright', 'Copper', 'Drift', 'Fox', 'High',
  'Juniper', 'Kestrel', 'Lark', 'Nimbus', 'Orchard', 'Peregrine', 'Rook', 'Salt', 'Thorn', 'Willow', 'Zephyr',
  'Müller', 'Schröder', 'Köhler', 'Lefèvre', 'Étoile', 'Núñez', 'Peña', 'Ibáñez', 'Gärtner', 'Hélios',
];

export const COMPANY_WORDS = [
  'Logistics', 'Analytics', 'Software', 'Systems', 'Labs', 'Health', 'Foods', 'Energy', 'Capital', 'Media',
  'Robotics', 'Metals', 'Motors', 'Networks', 'Builders', 'Learning', 'Goods', 'Logistik', 'Maschinenbau', 'Santé',
];

/** [written, romanized] */
export const CJK_COMPANIES: ReadonlyArray<readonly [string, string]> = [
  ['华为科技', 'huawei'], ['华远物流', 'huayuan'], ['天宇电子', 'tianyu'], ['恒达能源', 'hengda'], ['瑞丰医药', 'ruifeng'],
  ['新创软件', 'xinchuang'], ['山田電機', 'yamada'], ['東京物流', 'tokyo'], ['한빛전자', 'hanbit'], ['미래바이오', 'mirae'],
];

export const FIRST_NAMES = [
  'Avery', 'Blake', 'Casey', 'Dana', 'Elliot', 'Grace', 'Harper', 'Isaac', 'Jordan', 'Logan', 'Morgan', 'Nora',
  'Owen', 'Parker', 'Quinn', 'Riley', 'Taylor', 'Zoe', 'Jürgen', 'Björn', 'Amélie', 'François', 'José', 'Lucía',
];

export const LAST_NAMES = [
  'Anderson', 'Brooks', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Graham', 'Hayes', 'Jensen', 'Keller', 'Lawson',
  'Mitchell', 'Nolan', 'Porter', 'Reynolds', 'Sutton', 'Turner', 'Müller', 'Köhler', 'Lefèvre', 'Núñez', 'Ibáñez',
];

/** [written, given romanized, family romanized] */
export const CJK_PEOPLE: ReadonlyArray<readonly [string, string, string]> = [
  ['王伟', 'wei', 'wang'], ['李娜', 'na', 'li'], ['张敏', 'min', 'zhang'], ['陈静', 'jing', 'chen'],
  ['佐藤健太', 'kenta', 'sato'], ['田中結衣', 'yui', 'tanaka'], ['김민준', 'minjun', 'kim'], ['이서연', 'seoyeon', 'lee'],
];

export const LOST_REASONS = ['Price too high', 'Chose a competitor', 'No budget this year', 'No decision made'];
