// Word lists the generator draws from. Real-world variety on purpose (several scripts, accents, emoji,
// ZWJ sequences, right-to-left text), because JSON and protobuf sizes and compression ratios depend on it.
// Each native word carries an ASCII romanization, used to derive plausible e-mail addresses.

/** A word as displayed, and its ASCII form for e-mail addresses. */
export type Word = readonly [native: string, ascii: string];

export interface Culture {
  given: readonly Word[];
  family: readonly Word[];
  /** How a full name is written: Western "Given Family", or East Asian family name first. */
  order: "given-family" | "family-given" | "family-given-joined";
  locales: readonly string[];
  timezones: readonly string[];
  mailDomains: readonly string[];
}

export const CULTURES: readonly (readonly [Culture, number])[] = [
  [{
    given: [["Olivia", "olivia"], ["Liam", "liam"], ["Emma", "emma"], ["Noah", "noah"], ["Aisha", "aisha"], ["Siobhán", "siobhan"], ["Ethan", "ethan"], ["Grace", "grace"], ["Mohammed", "mohammed"], ["Chloe", "chloe"]],
    family: [["Smith", "smith"], ["O'Connor", "oconnor"], ["Johnson", "johnson"], ["Williams", "williams"], ["Brown", "brown"], ["Ní Bhriain", "nibhriain"], ["Taylor", "taylor"], ["Patel", "patel"]],
    order: "given-family", locales: ["en-US", "en-GB", "en-IE", "en-CA"], timezones: ["America/New_York", "Europe/London", "America/Chicago", "Europe/Dublin", "America/Los_Angeles"],
    mailDomains: ["gmail.com", "outlook.com", "icloud.com", "yahoo.com", "proton.me"],
  }, 24],
  [{
    given: [["José", "jose"], ["María", "maria"], ["Lucía", "lucia"], ["João", "joao"], ["Inês", "ines"], ["Sebastián", "sebastian"], ["Ana", "ana"], ["Martín", "martin"]],
    family: [["García", "garcia"], ["Núñez", "nunez"], ["Gonçalves", "goncalves"], ["Peña", "pena"], ["Rodríguez", "rodriguez"], ["Araújo", "araujo"], ["Fernández", "fernandez"], ["Muñoz", "munoz"]],
    order: "given-family", locales: ["es-ES", "es-MX", "pt-BR", "pt-PT"], timezones: ["Europe/Madrid", "America/Mexico_City", "America/Sao_Paulo", "Europe/Lisbon"],
    mailDomains: ["gmail.com", "hotmail.com", "uol.com.br", "outlook.es"],
  }, 16],
  [{
    given: [["Zoë", "zoe"], ["Chloé", "chloe"], ["François", "francois"], ["Jürgen", "juergen"], ["Søren", "soren"], ["Björn", "bjorn"], ["Anaïs", "anais"], ["Léa", "lea"], ["Małgorzata", "malgorzata"], ["Jiří", "jiri"]],
    family: [["Müller", "mueller"], ["Dubois", "dubois"], ["Lefèvre", "lefevre"], ["Østergaard", "ostergaard"], ["Schröder", "schroeder"], ["Åström", "astrom"], ["Nowak", "nowak"], ["Kowalczyk", "kowalczyk"]],
    order: "given-family", locales: ["de-DE", "fr-FR", "da-DK", "sv-SE", "pl-PL", "cs-CZ", "de-AT"], timezones: ["Europe/Berlin", "Europe/Paris", "Europe/Copenhagen", "Europe/Stockholm", "Europe/Warsaw", "Europe/Prague"],
    mailDomains: ["web.de", "gmx.de", "orange.fr", "wp.pl", "seznam.cz", "gmail.com"],
  }, 18],
  [{
    // Ukrainian "-enko" family names are the same for every gender, so any given name fits.
    given: [["Дмитро", "dmytro"], ["Анна", "anna"], ["Ольга", "olha"], ["Сергій", "serhii"], ["Наталія", "nataliia"], ["Олексій", "oleksii"], ["Юлія", "yuliia"], ["Тарас", "taras"]],
    family: [["Шевченко", "shevchenko"], ["Бондаренко", "bondarenko"], ["Коваленко", "kovalenko"], ["Ткаченко", "tkachenko"], ["Кравченко", "kravchenko"], ["Лисенко", "lysenko"]],
    order: "given-family", locales: ["uk-UA", "ru-RU", "kk-KZ"], timezones: ["Europe/Kyiv", "Europe/Moscow", "Asia/Almaty"],
    mailDomains: ["ukr.net", "i.ua", "mail.ru", "gmail.com"],
  }, 10],
  [{
    given: [["伟", "wei"], ["芳", "fang"], ["秀英", "xiuying"], ["静", "jing"], ["磊", "lei"], ["婷", "ting"], ["浩然", "haoran"], ["子涵", "zihan"]],
    family: [["王", "wang"], ["李", "li"], ["张", "zhang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["黄", "huang"]],
    order: "family-given-joined", locales: ["zh-CN", "zh-TW", "zh-HK"], timezones: ["Asia/Shanghai", "Asia/Taipei", "Asia/Hong_Kong"],
    mailDomains: ["qq.com", "163.com", "gmail.com", "outlook.com"],
  }, 10],
  [{
    given: [["陽菜", "hina"], ["蓮", "ren"], ["結衣", "yui"], ["大翔", "hiroto"], ["さくら", "sakura"], ["健太", "kenta"]],
    family: [["佐藤", "sato"], ["鈴木", "suzuki"], ["高橋", "takahashi"], ["田中", "tanaka"], ["渡辺", "watanabe"], ["山本", "yamamoto"]],
    order: "family-given", locales: ["ja-JP"], timezones: ["Asia/Tokyo"],
    mailDomains: ["yahoo.co.jp", "docomo.ne.jp", "gmail.com", "icloud.com"],
  }, 7],
  [{
    given: [["민준", "minjun"], ["서연", "seoyeon"], ["지호", "jiho"], ["하은", "haeun"]],
    family: [["김", "kim"], ["이", "lee"], ["박", "park"], ["최", "choi"]],
    order: "family-given-joined", locales: ["ko-KR"], timezones: ["Asia/Seoul"],
    mailDomains: ["naver.com", "daum.net", "gmail.com"],
  }, 4],
  [{
    given: [["أحمد", "ahmed"], ["فاطمة", "fatima"], ["يوسف", "youssef"], ["ليلى", "layla"]],
    family: [["حداد", "haddad"], ["الخطيب", "alkhatib"], ["منصور", "mansour"], ["العلي", "alali"]],
    order: "given-family", locales: ["ar-EG", "ar-AE", "ar-MA"], timezones: ["Africa/Cairo", "Asia/Dubai", "Africa/Casablanca"],
    mailDomains: ["gmail.com", "hotmail.com", "yahoo.com"],
  }, 4],
  [{
    given: [["प्रिया", "priya"], ["अर्जुन", "arjun"], ["अनन्या", "ananya"], ["राहुल", "rahul"]],
    family: [["शर्मा", "sharma"], ["पटेल", "patel"], ["गुप्ता", "gupta"], ["सिंह", "singh"]],
    order: "given-family", locales: ["hi-IN"], timezones: ["Asia/Kolkata"],
    mailDomains: ["gmail.com", "rediffmail.com", "yahoo.co.in"],
  }, 3],
  [{
    given: [["Thị Lan", "thilan"], ["Văn Minh", "vanminh"], ["Thu Hà", "thuha"], ["Quốc Bảo", "quocbao"]],
    family: [["Nguyễn", "nguyen"], ["Trần", "tran"], ["Lê", "le"], ["Phạm", "pham"]],
    order: "family-given", locales: ["vi-VN"], timezones: ["Asia/Ho_Chi_Minh"],
    mailDomains: ["gmail.com", "yahoo.com.vn"],
  }, 2],
  [{
    given: [["Γιώργος", "giorgos"], ["Ελένη", "eleni"], ["Νίκος", "nikos"], ["Μαρία", "maria"]],
    family: [["Νικολάου", "nikolaou"], ["Οικονόμου", "oikonomou"], ["Γεωργίου", "georgiou"]],
    order: "given-family", locales: ["el-GR", "el-CY"], timezones: ["Europe/Athens", "Asia/Nicosia"],
    mailDomains: ["gmail.com", "otenet.gr"],
  }, 2],
];

/** Appended to some display names; includes skin-tone modifiers and ZWJ sequences. */
export const NAME_EMOJI: readonly string[] = ["🌻", "🚀", "✨", "🐱", "🏳️‍🌈", "👩🏽‍💻", "🎧", "☕", "🇧🇷", "🦊"];

export const ROLES: readonly string[] = ["customer", "admin", "support", "beta-tester", "seller", "moderator", "analyst", "billing"];

export const USER_TIERS: readonly string[] = ["bronze", "silver", "gold", "platinum"];
export const REFERRERS: readonly string[] = ["google", "newsletter", "friend", "instagram", "podcast", "tiktok", "affiliate:8841"];
export const SIGNUP_SOURCES: readonly string[] = ["web", "ios", "android", "store"];

export const ORDER_CHANNELS: readonly string[] = ["web", "ios", "android", "pos", "marketplace"];
export const PAYMENT_METHODS: readonly string[] = ["card", "paypal", "klarna", "pix", "alipay", "apple_pay", "sepa_debit"];
export const WAREHOUSES: readonly string[] = ["FRA-2", "WAW-1", "NRT-3", "GRU-1", "IAD-4", "DUB-1"];
export const DELIVERY_NOTES: readonly string[] = [
  "Bitte beim Nachbarn abgeben",
  "請放在門口",
  "Оставить у двери",
  "Leave at the back door 🚪",
  "Sonnez deux fois, s'il vous plaît",
  "Portão azul, tocar a campainha",
  "置き配希望",
  "No dejar en conserjería",
];

/** ISO 4217 codes with weights and the integer rate from one EUR cent to 100 minor units (JPY has no cents). */
export const CURRENCIES: readonly (readonly [readonly [code: string, ratePer100: number], number])[] = [
  [["EUR", 100], 35], [["USD", 108], 30], [["GBP", 85], 10], [["JPY", 163], 6], [["CHF", 96], 4],
  [["SEK", 1140], 3], [["PLN", 432], 4], [["BRL", 560], 3], [["INR", 9000], 3], [["CNY", 780], 2],
];

/** Product names: a base in one of several languages, sometimes with a variant suffix. */
export const PRODUCT_BASES: readonly string[] = [
  "Ergonomic Bamboo Desk Lamp", "Stainless Steel Water Bottle 750 ml", "Wireless Noise-Cancelling Headphones",
  "Organic Cotton T-Shirt", "Mechanical Keyboard, Brown Switches", "USB-C Charging Cable 2 m", "Trail Running Shoes",
  "Cast Iron Skillet 28 cm", "Espresso Beans, Single Origin 1 kg", "Yoga Mat 6 mm", "LED Strip Light 5 m",
  "Edelstahl-Wasserkocher 1,7 l", "Kaffeemühle mit Kegelmahlwerk", "Wanderrucksack 30 l", "Fahrradschloss mit Bügel",
  "Tasse en céramique émaillée", "Crème hydratante visage", "Sac à dos imperméable", "Théière en fonte",
  "Чайник электрический 1,7 л", "Набор кастрюль из нержавейки", "Зимняя куртка-пуховик",
  "无线蓝牙耳机 降噪版", "保温杯 500ml", "机械键盘 青轴", "空气净化器",
  "ステンレス製タンブラー 350ml", "抹茶パウダー 100g", "折りたたみ傘", "電動歯ブラシ",
  "Cadeira de escritório ergonômica", "Jogo de panelas antiaderente", "Auriculares inalámbricos deportivos",
  "Zestaw noży kuchennych", "Ψηφιακή ζυγαριά κουζίνας", "Smartwatch Fitness-Tracker 🏃", "Board Game: Settlers Deluxe Edition",
];

export const PRODUCT_VARIANTS: readonly string[] = [
  " – Black", " – Blau", " (2-pack)", " XL", " S", " – Rouge", " (refurbished)", " – Olive Green", " 2024 Edition", " – 白色", " (Geschenkbox)",
];

export const COUPON_WORDS: readonly string[] = ["SPRING", "WELCOME", "BLACKFRIDAY", "VIP", "SOMMER", "NOEL", "FREESHIP"];
