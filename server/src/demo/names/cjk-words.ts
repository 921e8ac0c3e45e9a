/**
 * Word lists for Chinese, Japanese and Korean company and person names, each with the
 * romanization used for web domains and email addresses. Names are assembled from these at
 * random, so they describe no real company or person.
 */

/** [written form, romanization] */
export type Romanized = readonly [text: string, latin: string];
/** [written form, romanization, industry] */
export type RomanizedIndustry = readonly [text: string, latin: string, industry: string];

export const ZH_CITIES: readonly Romanized[] = [
  ['北京', 'beijing'], ['上海', 'shanghai'], ['深圳', 'shenzhen'], ['杭州', 'hangzhou'], ['广州', 'guangzhou'],
  ['成都', 'chengdu'], ['南京', 'nanjing'], ['苏州', 'suzhou'], ['武汉', 'wuhan'], ['西安', 'xian'],
];

/** First and second characters of a brand ("华" + "为", "天" + "宇"). */
export const ZH_BRAND_FIRST: readonly Romanized[] = [
  ['华', 'hua'], ['中', 'zhong'], ['金', 'jin'], ['天', 'tian'], ['恒', 'heng'], ['瑞', 'rui'], ['新', 'xin'],
  ['长', 'chang'], ['海', 'hai'], ['龙', 'long'], ['宏', 'hong'], ['嘉', 'jia'], ['明', 'ming'], ['盛', 'sheng'],
  ['博', 'bo'], ['远', 'yuan'], ['腾', 'teng'], ['星', 'xing'], ['信', 'xin'], ['安', 'an'],
];

export const ZH_BRAND_SECOND: readonly Romanized[] = [
  ['为', 'wei'], ['远', 'yuan'], ['达', 'da'], ['通', 'tong'], ['创', 'chuang'], ['泰', 'tai'], ['源', 'yuan'],
  ['兴', 'xing'], ['丰', 'feng'], ['峰', 'feng'], ['锐', 'rui'], ['科', 'ke'], ['宇', 'yu'], ['辉', 'hui'],
  ['和', 'he'], ['联', 'lian'], ['启', 'qi'], ['航', 'hang'], ['芯', 'xin'], ['云', 'yun'],
];

export const ZH_INDUSTRIES: readonly RomanizedIndustry[] = [
  ['科技', 'tech', 'Software'], ['技术', 'tech', 'Software'], ['电子', 'electronics', 'Manufacturing'],
  ['网络', 'net', 'Telecommunications'], ['物流', 'logistics', 'Logistics'], ['医药', 'pharma', 'Healthcare'],
  ['食品', 'foods', 'Food & Beverage'], ['能源', 'energy', 'Energy'], ['软件', 'soft', 'Software'],
  ['智能', 'ai', 'Manufacturing'], ['汽车', 'auto', 'Automotive'], ['建设', 'build', 'Construction'],
  ['传媒', 'media', 'Media'], ['教育', 'edu', 'Education'],
];

export const ZH_FORMS = ['有限公司', '有限公司', '股份有限公司', '集团'];

export const ZH_SURNAMES: readonly Romanized[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'],
];

export const ZH_GIVEN: readonly Romanized[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀英', 'xiuying'], ['晓东', 'xiaodong'], ['雪梅', 'xuemei'],
  ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['思琪', 'siqi'], ['子涵', 'zihan'], ['浩然', 'haoran'],
];

export const JA_STEMS: readonly Romanized[] = [
  ['山田', 'yamada'], ['日本', 'nihon'], ['東京', 'tokyo'], ['大阪', 'osaka'], ['富士', 'fuji'], ['青葉', 'aoba'],
  ['桜', 'sakura'], ['北斗', 'hokuto'], ['光', 'hikari'], ['さくら', 'sakura'], ['みどり', 'midori'],
  ['白鷺', 'shirasagi'], ['若葉', 'wakaba'], ['翠山', 'suizan'], ['名古屋', 'nagoya'], ['横浜', 'yokohama'],
];

export const JA_INDUSTRIES: readonly RomanizedIndustry[] = [
  ['電機', 'denki', 'Manufacturing'], ['精密', 'seimitsu', 'Manufacturing'], ['物流', 'butsuryu', 'Logistics'],
  ['製薬', 'seiyaku', 'Healthcare'], ['食品', 'shokuhin', 'Food & Beverage'], ['工業', 'kogyo', 'Manufacturing'],
  ['ソフトウェア', 'software', 'Software'], ['テクノロジー', 'tech', 'Software'], ['システムズ', 'systems', 'Software'],
  ['建設', 'kensetsu', 'Construction'], ['商事', 'shoji', 'Retail'], ['エナジー', 'energy', 'Energy'],
];

export const JA_SURNAMES: readonly Romanized[] = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['渡辺', 'watanabe'],
  ['伊藤', 'ito'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'],
];

export const JA_GIVEN: readonly Romanized[] = [
  ['陽菜', 'hina'], ['翔', 'sho'], ['結衣', 'yui'], ['大翔', 'hiroto'], ['健太', 'kenta'], ['美咲', 'misaki'],
  ['蓮', 'ren'], ['さくら', 'sakura'], ['拓海', 'takumi'], ['葵', 'aoi'], ['悠真', 'yuma'], ['真央', 'mao'],
  ['直樹', 'naoki'], ['由美', 'yumi'],
];

export const KO_STEMS: readonly Romanized[] = [
  ['한빛', 'hanbit'], ['서울', 'seoul'], ['대한', 'daehan'], ['미래', 'mirae'], ['새벽', 'saebyeok'],
  ['푸른', 'pureun'], ['하나', 'hana'], ['별빛', 'byeolbit'], ['누리', 'nuri'], ['가온', 'gaon'],
  ['다온', 'daon'], ['한울', 'hanul'],
];

export const KO_INDUSTRIES: readonly RomanizedIndustry[] = [
  ['전자', 'electronics', 'Manufacturing'], ['바이오', 'bio', 'Biotech'], ['물류', 'logis', 'Logistics'],
  ['소프트', 'soft', 'Software'], ['테크', 'tech', 'Software'], ['건설', 'construction', 'Construction'],
  ['식품', 'foods', 'Food & Beverage'], ['에너지', 'energy', 'Energy'], ['모빌리티', 'mobility', 'Automotive'],
];

export const KO_SURNAMES: readonly Romanized[] = [
  ['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'], ['강', 'kang'], ['조', 'cho'],
  ['윤', 'yoon'], ['장', 'jang'], ['임', 'lim'],
];

export const KO_GIVEN: readonly Romanized[] = [
  ['민준', 'minjun'], ['서연', 'seoyeon'], ['지훈', 'jihun'], ['하은', 'haeun'], ['도윤', 'doyun'], ['수빈', 'subin'],
  ['예준', 'yejun'], ['지우', 'jiwoo'], ['현우', 'hyunwoo'], ['서윤', 'seoyun'], ['은지', 'eunji'], ['성민', 'sungmin'],
];
