/**
 * Curriculum categories: the seeds' "new-era curricula" (digital and e-commerce, caregiver,
 * hospitality) beside the occupations community groups train in. Labour demand is planned per
 * category, so DSD's occupation names are mapped to one of these on import.
 */
export const CURRICULUM_CATEGORIES = [
  { code: 'digital-ecommerce', th: 'ดิจิทัลและการค้าออนไลน์', en: 'Digital and e-commerce' },
  { code: 'caregiver', th: 'ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ', en: 'Caregiver' },
  { code: 'hospitality', th: 'การบริการและการท่องเที่ยว', en: 'Hospitality' },
  { code: 'food-processing', th: 'การแปรรูปอาหาร', en: 'Food processing' },
  { code: 'crafts', th: 'หัตถกรรมและสิ่งประดิษฐ์', en: 'Crafts' },
  { code: 'agriculture', th: 'เกษตรกรรม', en: 'Agriculture' },
  { code: 'beauty-spa', th: 'ความงามและสปา', en: 'Beauty and spa' },
  { code: 'other', th: 'อื่น ๆ', en: 'Other' },
] as const;

export type CurriculumCategory = (typeof CURRICULUM_CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CURRICULUM_CATEGORIES.map((c) => c.code) as [CurriculumCategory, ...CurriculumCategory[]];

export const DELIVERY_MODES = [
  { code: 'on-site', th: 'ในสถานที่', en: 'On-site' },
  { code: 'online-live', th: 'ออนไลน์สด', en: 'Online, live' },
  { code: 'self-paced', th: 'ออนไลน์เรียนด้วยตนเอง', en: 'Self-paced online' },
  { code: 'hybrid', th: 'ผสมผสาน', en: 'Hybrid' },
] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number]['code'];
export const MODE_CODES = DELIVERY_MODES.map((m) => m.code) as [DeliveryMode, ...DeliveryMode[]];
