import type { CurriculumCategory, DeliveryMode } from './categories';

/**
 * The courses the seeds name, shipped as reference data. The seeds give names, providers, modes
 * and (for the DSD + ETDA course) hours and topics; everything else is ours, and `assumed` lists
 * it field by field so that nobody mistakes it for a published fact.
 */
export interface CurriculumSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  providerAgencyCode: string;
  providerUnitCode: string | null;
  providerPartner: string | null;
  category: CurriculumCategory;
  mode: DeliveryMode;
  topics: { th: string; en: string; minutes: number }[];
  targetGroups: string[];
  prerequisites: string[];
  minAge: number | null;
  minAttendancePercent: number;
  minPostTestScore: number | null;
  competencyUnits: string[];
  assumed: string[];
  source: string;
}

const hours = (h: number) => Math.round(h * 60);

export const CURRICULA: readonly CurriculumSeed[] = [
  {
    code: 'ETDA-EASY-ECOM',
    nameTh: 'EASY E-COMMERCE ACADEMY SKILLS LEARN BY YOURSELF',
    nameEn: 'EASY E-COMMERCE ACADEMY SKILLS LEARN BY YOURSELF',
    providerAgencyCode: 'ETDA',
    providerUnitCode: 'ETDA-HQ',
    providerPartner: null,
    category: 'digital-ecommerce',
    mode: 'self-paced',
    topics: [
      { th: 'พื้นฐานการค้าออนไลน์', en: 'E-commerce basics', minutes: hours(3) },
      { th: 'การเปิดร้านค้าบนแพลตฟอร์ม', en: 'Opening a shop on a platform', minutes: hours(3) },
      { th: 'การตลาดและเนื้อหาออนไลน์', en: 'Online marketing and content', minutes: hours(3) },
      { th: 'การขายออนไลน์อย่างถูกกฎหมายและปลอดภัย', en: 'Selling online lawfully and safely', minutes: hours(3) },
    ],
    targetGroups: [],
    prerequisites: [],
    minAge: 15,
    minAttendancePercent: 100,
    minPostTestScore: 60,
    competencyUnits: ['ICT-ECW-3-901ZA', 'ICT-ECW-3-903ZA', 'ICT-ECW-3-904ZA', 'ICT-ECW-3-905ZA'],
    assumed: ['topics', 'hours', 'minAge', 'completionRule', 'competencyUnits'],
    source: 'seed 001 (name, ETDA, online self-paced, leads to the TPQI e-commerce assessment)',
  },
  {
    code: 'SOCIAL-COMMERCE',
    nameTh: 'Social Commerce For Business การขายผ่านสื่อสังคมออนไลน์เพื่อธุรกิจ',
    nameEn: 'Social Commerce For Business',
    providerAgencyCode: 'DWF',
    providerUnitCode: null,
    providerPartner: 'ETDA',
    category: 'digital-ecommerce',
    mode: 'on-site',
    topics: [
      { th: 'การวางแผนธุรกิจบนสื่อสังคมออนไลน์', en: 'Planning a business on social media', minutes: hours(3) },
      { th: 'การเปิดและดูแล Facebook Page และ LINE OA', en: 'Running a Facebook Page and LINE OA', minutes: hours(3) },
      { th: 'การถ่ายภาพสินค้าด้วยโทรศัพท์มือถือ', en: 'Product photography with a phone', minutes: hours(3) },
      { th: 'การไลฟ์ขายสินค้าและบริการลูกค้า', en: 'Live selling and customer service', minutes: hours(3) },
    ],
    targetGroups: ['women-family-hardship', 'single-parent', 'poor', 'low-education', 'lost-work', 'informal-worker'],
    prerequisites: [],
    minAge: 18,
    minAttendancePercent: 80,
    minPostTestScore: null,
    competencyUnits: ['ICT-ECW-3-901ZA', 'ICT-ECW-3-902ZA', 'ICT-ECW-3-903ZA', 'ICT-ECW-3-904ZA'],
    assumed: ['provider', 'mode', 'topics', 'hours', 'targetGroups', 'minAge', 'completionRule', 'competencyUnits'],
    source: 'seed 001 (name; one of the new-era curricula)',
  },
  {
    code: 'MKT-CONTENT',
    nameTh: 'การสร้างสรรค์เนื้อหาการตลาดบนสื่อออนไลน์อย่างมืออาชีพ',
    nameEn: 'Professional marketing content creation on online media',
    providerAgencyCode: 'DWF',
    providerUnitCode: null,
    providerPartner: 'ETDA',
    category: 'digital-ecommerce',
    mode: 'hybrid',
    topics: [
      { th: 'การเขียนเนื้อหาเพื่อการขาย', en: 'Writing content that sells', minutes: hours(4) },
      { th: 'การถ่ายภาพและตัดต่อวิดีโอสั้น', en: 'Photography and short-video editing', minutes: hours(4) },
      { th: 'การวัดผลและปรับปรุงเนื้อหา', en: 'Measuring and improving content', minutes: hours(4) },
    ],
    targetGroups: [],
    prerequisites: [],
    minAge: 18,
    minAttendancePercent: 80,
    minPostTestScore: 60,
    competencyUnits: ['ICT-ECW-3-903ZA', 'ICT-ECW-3-904ZA'],
    assumed: ['provider', 'mode', 'topics', 'hours', 'minAge', 'completionRule', 'competencyUnits'],
    source: 'seed 001 (name)',
  },
  {
    code: 'ETDA-EDC-PLUS',
    nameTh: 'ETDA Digital Citizen Plus (EDC Plus) พลเมืองดิจิทัล',
    nameEn: 'ETDA Digital Citizen Plus (EDC Plus)',
    providerAgencyCode: 'ETDA',
    providerUnitCode: 'ETDA-HQ',
    providerPartner: null,
    category: 'digital-ecommerce',
    mode: 'online-live',
    topics: [
      { th: 'การใช้อินเทอร์เน็ตอย่างปลอดภัย', en: 'Using the internet safely', minutes: hours(2) },
      { th: 'ธุรกรรมทางอิเล็กทรอนิกส์ในชีวิตประจำวัน', en: 'Electronic transactions in daily life', minutes: hours(2) },
      { th: 'รู้ทันภัยออนไลน์และข่าวปลอม', en: 'Online scams and fake news', minutes: hours(2) },
    ],
    targetGroups: [],
    prerequisites: [],
    minAge: null,
    minAttendancePercent: 80,
    minPostTestScore: null,
    competencyUnits: [],
    assumed: ['mode', 'topics', 'hours', 'completionRule'],
    source: 'seed 001 (name, ETDA)',
  },
  {
    code: 'DSD-ETDA-DIGI18',
    nameTh: 'หลักสูตรดิจิทัลเทคโนโลยีเพื่อพัฒนาเศรษฐกิจชุมชน',
    nameEn: 'Digital technology for the community economy',
    providerAgencyCode: 'DSD',
    providerUnitCode: 'DSD-HQ',
    providerPartner: 'ETDA; Thai e-Commerce Association',
    category: 'digital-ecommerce',
    mode: 'on-site',
    // Seed 003 lists nine topics over 18 hours; it does not give each topic's share, so 2 hours each.
    topics: [
      { th: 'เทคนิคการใช้งาน e-Commerce Platform ต่าง ๆ ในการขายสินค้า', en: 'Selling on e-commerce platforms', minutes: hours(2) },
      { th: 'การเปิดร้านค้าออนไลน์ผ่านช่องทาง LINE OA', en: 'Opening an online shop on LINE OA', minutes: hours(2) },
      { th: 'ความรู้เบื้องต้นเกี่ยวกับพาณิชย์อิเล็กทรอนิกส์', en: 'E-commerce basics', minutes: hours(2) },
      { th: 'การเปิด Facebook Page', en: 'Opening a Facebook Page', minutes: hours(2) },
      { th: 'การวิเคราะห์ตลาดและกลุ่มเป้าหมาย', en: 'Market and target-group analysis', minutes: hours(2) },
      { th: 'การสร้างเนื้อหาเพื่อการขายสินค้าและบริการในรูปแบบ e-Commerce', en: 'Content for selling goods and services', minutes: hours(2) },
      { th: 'การถ่ายภาพและการแต่งภาพด้วยโทรศัพท์มือถือ', en: 'Phone photography and editing', minutes: hours(2) },
      { th: 'Go Online ไปให้สุดแบบถูกกฎหมาย', en: 'Selling online within the law', minutes: hours(2) },
      { th: 'ออนไลน์ทั้งที เจอแต่ทัวร์ดี ไม่มีทัวร์ลง', en: 'Keeping a good online reputation', minutes: hours(2) },
    ],
    targetGroups: ['informal-worker', 'lost-work', 'new-graduate'],
    prerequisites: [],
    minAge: 18,
    minAttendancePercent: 80,
    minPostTestScore: null,
    competencyUnits: ['ICT-ECW-3-901ZA', 'ICT-ECW-3-902ZA', 'ICT-ECW-3-903ZA', 'ICT-ECW-3-904ZA', 'ICT-ECW-3-905ZA'],
    assumed: ['topic hours (seed gives 18 hours in total)', 'minAge', 'completionRule', 'competencyUnits'],
    source: 'seed 003 (name, DSD + ETDA, 18 hours, nine topics, informal workers)',
  },
  {
    code: 'CAREGIVER-ELDERLY',
    nameTh: 'การดูแลผู้สูงอายุ เด็ก และคนพิการ (Caregiver)',
    nameEn: 'Caregiver for older persons, children and persons with disabilities',
    providerAgencyCode: 'DWF',
    providerUnitCode: null,
    providerPartner: null,
    category: 'caregiver',
    mode: 'on-site',
    topics: [
      { th: 'หลักการดูแลและจริยธรรมผู้ดูแล', en: 'Principles and ethics of care', minutes: hours(12) },
      { th: 'การดูแลกิจวัตรประจำวันและโภชนาการ', en: 'Daily living and nutrition', minutes: hours(24) },
      { th: 'การปฐมพยาบาลและการเคลื่อนย้ายอย่างปลอดภัย', en: 'First aid and safe moving', minutes: hours(18) },
      { th: 'การดูแลเด็กและคนพิการ', en: 'Caring for children and persons with disabilities', minutes: hours(18) },
      { th: 'ฝึกปฏิบัติในสถานดูแล', en: 'Practice in a care home', minutes: hours(30) },
    ],
    targetGroups: ['women-family-hardship', 'single-parent', 'poor', 'low-education', 'lost-work', 'older-person'],
    prerequisites: [],
    minAge: 18,
    minAttendancePercent: 90,
    minPostTestScore: 70,
    competencyUnits: [],
    assumed: ['topics', 'hours', 'targetGroups', 'minAge', 'completionRule'],
    source: 'seed 001 (caregiver: children, elderly, disabled)',
  },
  {
    code: 'HOSPITALITY-NEW',
    nameTh: 'ธุรกิจการบริการแบบใหม่ (Hospitality)',
    nameEn: 'New hospitality services',
    providerAgencyCode: 'DWF',
    providerUnitCode: null,
    providerPartner: null,
    category: 'hospitality',
    mode: 'on-site',
    topics: [
      { th: 'มาตรฐานการบริการและการต้อนรับ', en: 'Service and welcome standards', minutes: hours(12) },
      { th: 'งานแม่บ้านและงานห้องพัก', en: 'Housekeeping and rooms', minutes: hours(12) },
      { th: 'อาหารและเครื่องดื่ม', en: 'Food and beverage service', minutes: hours(12) },
      { th: 'ภาษาอังกฤษเพื่อการบริการ', en: 'English for service', minutes: hours(12) },
    ],
    targetGroups: ['women-family-hardship', 'single-parent', 'poor', 'low-education', 'lost-work', 'new-graduate'],
    prerequisites: [],
    minAge: 18,
    minAttendancePercent: 80,
    minPostTestScore: null,
    competencyUnits: [],
    assumed: ['topics', 'hours', 'targetGroups', 'minAge', 'completionRule'],
    source: 'seed 001 (hospitality)',
  },
];

export const totalMinutes = (c: Pick<CurriculumSeed, 'topics'>) => c.topics.reduce((sum, t) => sum + t.minutes, 0);
