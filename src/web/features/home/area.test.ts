import { describe, expect, it } from 'vitest';
import { describeArea } from './area';

const regions = [
  { code: 'NE', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  { code: 'S', nameTh: 'ภาคใต้', nameEn: 'South' },
];
const provinces = [
  { code: '40', nameTh: 'ขอนแก่น', nameEn: 'Khon Kaen', regionCode: 'NE' },
  { code: '41', nameTh: 'อุดรธานี', nameEn: 'Udon Thani', regionCode: 'NE' },
  { code: '83', nameTh: 'ภูเก็ต', nameEn: 'Phuket', regionCode: 'S' },
  { code: '90', nameTh: 'สงขลา', nameEn: 'Songkhla', regionCode: 'S' },
];

describe('describeArea', () => {
  const reference = { provinces, regions };
  it('says the whole country for every province, as for null', () => {
    expect(describeArea(['40', '41', '83', '90'], reference, 'th', 'ทั่วประเทศ')).toBe('ทั่วประเทศ');
    expect(describeArea(null, reference, 'th', 'ทั่วประเทศ')).toBe('ทั่วประเทศ');
  });
  it('names a whole region once, and other provinces by name', () => {
    expect(describeArea(['40', '41', '83'], reference, 'th', 'ทั่วประเทศ')).toBe('ภาคตะวันออกเฉียงเหนือ, ภูเก็ต');
    expect(describeArea(['83'], reference, 'en', 'Nationwide')).toBe('Phuket');
  });
  it('gives no area for no provinces', () => {
    expect(describeArea([], reference, 'th', 'ทั่วประเทศ')).toBeNull();
  });
});
