/**
 * The marketplace's rules that need no database: what a listing must hold to be approved, the
 * onboarding path of a channel account, the feeds' documents and their checks, months and income.
 */

/** Text shown to people, with a code a program can read. */
export interface Reason {
  code: string;
  en: string;
  th: string;
}

export const CHANNELS = ['lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Sales may also be recorded for what was sold by hand (markets, fairs). */
/** The registry's consent purpose under which a person's own data may go to a channel's partner. */
export const partnerConsentPurpose = (channel: string): 'share-lazada' | 'share-partners' => (channel === 'lazada' ? 'share-lazada' : 'share-partners');

export const SALES_CHANNELS = [...CHANNELS, 'offline'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const CHANNEL_NAMES: Record<SalesChannel, { th: string; en: string }> = {
  lazada: { th: 'ลาซาด้า', en: 'Lazada' },
  shopee: { th: 'ช้อปปี้', en: 'Shopee' },
  facebook: { th: 'เฟซบุ๊ก', en: 'Facebook' },
  line: { th: 'LINE OA / MyShop', en: 'LINE OA / MyShop' },
  tiktok: { th: 'TikTok Shop', en: 'TikTok Shop' },
  onde: { th: 'เน็ตประชารัฐ (สดช.)', en: 'Village e-Commerce (ONDE)' },
  offline: { th: 'ขายหน้าร้าน', en: 'Sold in person' },
};

// ------------------------------------------------------------------ listings

export const LISTING_STATUSES = ['proposed', 'approved', 'returned', 'unlisted'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Why an officer returns a listing: what the check found (photos, claims, marks, price). */
export const RETURN_REASONS = ['photos', 'claims', 'marks', 'price', 'text', 'other'] as const;

/** Marks a listing may claim (enterprise's certification kinds that a buyer recognises). */
export const MARKS = ['fda', 'tcps', 'tis', 'otop', 'halal', 'gap'] as const;
export type Mark = (typeof MARKS)[number];

export const MARK_NAMES: Record<string, { th: string; en: string }> = {
  fda: { th: 'อย.', en: 'Thai FDA' },
  tcps: { th: 'มผช.', en: 'Community Product Standard' },
  tis: { th: 'มอก.', en: 'Thai Industrial Standard' },
  otop: { th: 'OTOP', en: 'OTOP' },
  halal: { th: 'ฮาลาล', en: 'Halal' },
  gap: { th: 'GAP', en: 'GAP' },
};

/** Enterprise's product categories, named for the catalogue's filter. */
export const CATEGORY_NAMES: Record<string, { th: string; en: string }> = {
  food: { th: 'อาหาร', en: 'Food' },
  drink: { th: 'เครื่องดื่ม', en: 'Drinks' },
  cloth: { th: 'ผ้าและเครื่องแต่งกาย', en: 'Cloth and clothing' },
  crafts: { th: 'ของใช้และหัตถกรรม', en: 'Crafts and household goods' },
  herbal: { th: 'สมุนไพร', en: 'Herbal products' },
  service: { th: 'บริการ', en: 'Services' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

/** The claimed marks that do not stand today (the product's certificates say which do). */
export function lapsedMarks(required: readonly string[], standing: readonly string[]): string[] {
  return required.filter((m) => !standing.includes(m));
}

/** Why a listing cannot be approved now: marks it claims that do not stand, no photo. */
export function approvalReasons(l: { requiredMarks: readonly string[]; photos: number }, standingMarks: readonly string[]): Reason[] {
  const reasons: Reason[] = [];
  for (const m of lapsedMarks(l.requiredMarks, standingMarks))
    reasons.push({
      code: 'mark-not-valid',
      en: `The listing claims the ${MARK_NAMES[m]?.en ?? m} mark, but the product holds no valid certificate for it.`,
      th: `รายการอ้างเครื่องหมาย ${MARK_NAMES[m]?.th ?? m} แต่ผลิตภัณฑ์ไม่มีใบรับรองที่ยังมีผล`,
    });
  if (l.photos === 0) reasons.push({ code: 'no-photo', en: 'A listing needs at least one photo.', th: 'รายการสินค้าต้องมีรูปภาพอย่างน้อยหนึ่งรูป' });
  return reasons;
}

/** Lower-cased text the catalogue searches by any part of a word (Thai has no spaces to split on). */
export const listingSearchText = (l: { titleTh: string; titleEn?: string | null; descriptionTh: string; descriptionEn?: string | null; groupName: string }) =>
  [l.titleTh, l.titleEn, l.descriptionTh, l.descriptionEn, l.groupName].filter(Boolean).join(' ').normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

/** A search box's text as the search text is kept: NFC, lower case, one space between words. */
const searchWords = (q: string) => q.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * How the catalogue looks for a search box's text. With a word of three letters or more, anywhere
 * in the titles, descriptions and group name (`LIKE '%…%'`, which the trigram index serves). With
 * only one or two letters no trigram exists, and a `LIKE '%ผ้%'` reads every listing: then a
 * title (Thai or English) that begins with them, which a b-tree serves, as a shopper typing the
 * first letters of a name expects. LIKE's wildcard characters in the text are escaped.
 */
export type CatalogueSearch = { match: 'anywhere' | 'title-start'; pattern: string };
export function catalogueSearch(q: string): CatalogueSearch | null {
  const text = searchWords(q);
  if (!text) return null;
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const longest = Math.max(...text.split(' ').map((w) => [...w].length));
  return longest >= 3 ? { match: 'anywhere', pattern: `%${escaped}%` } : { match: 'title-start', pattern: `${escaped}%` };
}

// ------------------------------------------------------------------ channels

/** The onboarding path of a channel account, in order. */
export const ONBOARDING_STEPS = ['consented', 'documents-ready', 'shop-opened', 'first-product-live', 'first-sale', 'active'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface AccountDates {
  consentedOn: string | null;
  documentsReadyOn: string | null;
  shopOpenedOn: string | null;
  firstProductLiveOn: string | null;
  firstSaleOn: string | null;
  /** The latest month with an order on the channel (YYYY-MM-01), from sales. */
  lastSaleMonth: string | null;
}

/** Active means a sale within the last 90 days; a month's sales count from its last day. */
export function isActive(lastSaleMonth: string | null, today: string): boolean {
  if (!lastSaleMonth) return false;
  return daysBetween(monthEnd(lastSaleMonth), today) <= 90;
}

/** Each step with its date (active: the last month with a sale) and whether it is reached. */
export function onboardingPath(d: AccountDates, today: string) {
  const dates: Record<OnboardingStep, string | null> = {
    consented: d.consentedOn,
    'documents-ready': d.documentsReadyOn,
    'shop-opened': d.shopOpenedOn,
    'first-product-live': d.firstProductLiveOn,
    'first-sale': d.firstSaleOn,
    active: isActive(d.lastSaleMonth, today) ? d.lastSaleMonth : null,
  };
  const steps = ONBOARDING_STEPS.map((step) => ({ step, on: dates[step], reached: dates[step] !== null }));
  let current: OnboardingStep | null = null;
  for (const s of steps) if (s.reached) current = s.step;
  return { steps, current };
}

/** A step recorded out of order (a shop opened before its documents, a date before the one before it). */
export function stepOrderReasons(d: Omit<AccountDates, 'lastSaleMonth'>): Reason[] {
  const order: [OnboardingStep, string | null][] = [
    ['consented', d.consentedOn],
    ['documents-ready', d.documentsReadyOn],
    ['shop-opened', d.shopOpenedOn],
    ['first-product-live', d.firstProductLiveOn],
    ['first-sale', d.firstSaleOn],
  ];
  const reasons: Reason[] = [];
  for (let i = 1; i < order.length; i++) {
    const [step, on] = order[i]!;
    if (!on) continue;
    const [before, beforeOn] = order[i - 1]!;
    if (!beforeOn) reasons.push({ code: 'step-skipped', en: `“${step}” needs “${before}” first.`, th: `ต้องบันทึกขั้น “${before}” ก่อน “${step}”` });
    else if (on < beforeOn)
      reasons.push({ code: 'step-before-previous', en: `“${step}” is dated before “${before}”.`, th: `วันที่ของขั้น “${step}” อยู่ก่อนขั้น “${before}”` });
  }
  return reasons;
}

// ------------------------------------------------------------------ months, money, income

export const DAY_MS = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
export const bangkokToday = (now: Date) => new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
/** The last day of the month that starts on `month` (YYYY-MM-01). */
export const monthEnd = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};
/** `YYYY-MM` or `YYYY-MM-DD` → the first of that month. */
export const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** Baht as typed in an export (`1,250.50`, `฿1250`) → integer satang, or null when it is no amount. */
export function bahtToSatang(text: string): number | null {
  const cleaned = text.replace(/[฿,\s]/g, '').replace(/^THB/i, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Satang → the `123.45 THB` form the feeds take (never through floating point). */
export const feedPrice = (satang: number) => `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')} THB`;
export const plainBaht = (satang: number) => `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;

/**
 * The group's income per member in a month: the revenue of every channel, less nothing (the
 * reports carry revenue, not profit), shared by the members current today, in whole satang.
 */
export const perMember = (revenueSatang: number, members: number) => (members > 0 ? Math.floor(revenueSatang / members) : null);

// ------------------------------------------------------------------ photos

/** What the file's first bytes say it is, whatever its name or Content-Type claims. */
export function imageKind(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** The widths each photo is kept at (phones on 3G take the smallest; a share card the largest). */
export const PHOTO_WIDTHS = [320, 640, 1200] as const;
/** The widths to make of a photo `width` wide: never enlarged, the original's width standing in for larger ones. */
export const widthsFor = (width: number) => [...new Set(PHOTO_WIDTHS.map((w) => Math.min(w, width)))];
