import { describe, expect, it } from 'vitest';
import { feedErrors, googleXml, metaCsv, type FeedItem } from './feeds';
import {
  approvalReasons,
  bahtToSatang,
  feedPrice,
  imageKind,
  isActive,
  onboardingPath,
  catalogueSearch,
  stepOrderReasons,
  widthsFor,
} from './marketplace.rules';

const item: FeedItem = {
  listingId: 7,
  sku: 'ARCHEEP-7',
  titleTh: 'น้ำพริกนรก "แม่บุญ"',
  titleEn: null,
  descriptionTh: '=HYPERLINK("x") เผ็ดมาก',
  priceSatang: 8_950,
  stock: 5,
  category: 'food',
  groupName: 'กลุ่มแม่บ้าน & เยาวชน',
  provinceNameEn: 'Khon Kaen',
  url: 'https://archeep.example/shop/products/7',
  imageUrls: ['https://archeep.example/api/marketplace/photos/a/1200'],
  packageWeightGrams: 250,
  packageCm: [10, 10, 8],
};

describe('marketplace rules', () => {
  it('reads amounts of baht as exact satang, and writes them back without floating point', () => {
    expect(bahtToSatang('1,250.50')).toBe(125_050);
    expect(bahtToSatang('฿99')).toBe(9_900);
    expect(bahtToSatang('0.1')).toBe(10);
    expect(bahtToSatang('12.345')).toBeNull();
    expect(bahtToSatang('abc')).toBeNull();
    expect(feedPrice(8_950)).toBe('89.50 THB');
    expect(feedPrice(5)).toBe('0.05 THB');
  });

  it('knows a photo by its first bytes, whatever it claims to be', () => {
    expect(imageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageKind(Buffer.from('<svg/>'))).toBeNull();
    expect(widthsFor(4000)).toEqual([320, 640, 1200]);
    expect(widthsFor(500)).toEqual([320, 500]);
  });

  it('escapes LIKE wildcards in a search and folds case', () => {
    expect(catalogueSearch(' 100%_Silk ')).toEqual({ match: 'anywhere', pattern: '%100\\%\\_silk%' });
  });

  it('looks for three letters or more anywhere, and for one or two at the start of a title (no trigram in them)', () => {
    expect(catalogueSearch('หมี่ลาย')).toEqual({ match: 'anywhere', pattern: '%หมี่ลาย%' });
    expect(catalogueSearch('ผ้')).toEqual({ match: 'title-start', pattern: 'ผ้%' });
    expect(catalogueSearch('Ab')).toEqual({ match: 'title-start', pattern: 'ab%' });
    expect(catalogueSearch('ab c')).toEqual({ match: 'title-start', pattern: 'ab c%' });
    expect(catalogueSearch('ab cde')?.match).toBe('anywhere');
    expect(catalogueSearch('  ')).toBeNull();
  });

  it('walks the onboarding path in order, active only with a sale in the last 90 days', () => {
    const dates = { consentedOn: '2026-01-05', documentsReadyOn: '2026-01-10', shopOpenedOn: '2026-02-01', firstProductLiveOn: null, firstSaleOn: null };
    expect(onboardingPath({ ...dates, lastSaleMonth: null }, '2026-03-01').current).toBe('shop-opened');
    expect(stepOrderReasons({ ...dates, documentsReadyOn: null }).map((r) => r.code)).toEqual(['step-skipped']);
    expect(stepOrderReasons({ ...dates, shopOpenedOn: '2026-01-01' }).map((r) => r.code)).toEqual(['step-before-previous']);
    expect(isActive('2026-01-01', '2026-05-01')).toBe(true); // 31 Jan + 90 days = 1 May
    expect(isActive('2026-01-01', '2026-05-02')).toBe(false);
  });

  it('approves only a listing whose claimed marks stand and that has a photo', () => {
    expect(approvalReasons({ requiredMarks: ['fda', 'otop'], photos: 1 }, ['otop']).map((r) => r.code)).toEqual(['mark-not-valid']);
    expect(approvalReasons({ requiredMarks: [], photos: 0 }, []).map((r) => r.code)).toEqual(['no-photo']);
  });

  it('checks each feed’s own rules and writes documents that cannot be turned into formulas or markup', () => {
    expect(feedErrors(item, 'lazada')).toEqual([]);
    expect(feedErrors({ ...item, stock: null, packageCm: null }, 'lazada').map((e) => e.field)).toEqual(['stock', 'packageCm']);
    expect(feedErrors({ ...item, titleTh: 'ก'.repeat(151) }, 'google').map((e) => e.code)).toEqual(['title-too-long']);
    expect(metaCsv([item])).toContain(`"'=HYPERLINK(""x"") เผ็ดมาก"`);
    const xml = googleXml([item], { title: 'กลุ่ม', link: 'https://archeep.example/shop' });
    expect(xml).toContain('<g:title>น้ำพริกนรก &quot;แม่บุญ&quot;</g:title>');
    expect(xml).toContain('<g:brand>กลุ่มแม่บ้าน &amp; เยาวชน</g:brand>');
    expect(xml).toContain('<g:price>89.50 THB</g:price>');
  });
});
