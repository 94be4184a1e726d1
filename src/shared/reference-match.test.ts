import { describe, expect, it } from 'vitest';
import { TARGET_GROUPS } from '../server/modules/org/data/target-groups';
import { codeReader, EDUCATION_LEVELS, GROUP_TYPES, SEXES, TITLES, WORK_STATUSES } from './person-fields';
import { createMatcher, referenceKey } from './reference-match';

const targetGroups = createMatcher(TARGET_GROUPS.map((g) => ({ code: g.code, th: g.nameTh, en: g.nameEn, aliases: g.aliases })));

describe('matching the words people write to reference values', () => {
  it('keys a value without spaces, dots, case, Thai digits or the common prefixes', () => {
    expect(referenceKey(' แรงงาน นอกระบบ ')).toBe(referenceKey('แรงงานนอกระบบ'));
    expect(referenceKey('น.ส.')).toBe('นส');
    expect(referenceKey('กลุ่มผู้สูงอายุ')).toBe(referenceKey('ผู้สูงอายุ'));
    expect(referenceKey('ม.๓')).toBe(referenceKey('ม.3'));
    expect(referenceKey('-')).toBe('-');
  });

  it.each([
    ['สตรี', 'women-family-hardship'],
    ['กลุ่มสตรี', 'women-family-hardship'],
    ['แรงงานนอกระบบ', 'informal-worker'],
    ['แรงงาน นอกระบบ', 'informal-worker'],
    ['พ่อแม่เลี้ยงเดี่ยว', 'single-parent'],
    ['แม่เลี้ยงเดี่ยว', 'single-parent'],
    ['Single Parents', 'single-parent'],
    ['ผู้มีรายได้น้อย', 'poor'],
    ['ยากจน', 'poor'],
    ['ผู้พิการ', 'disability'],
    ['PWD', 'disability'],
    ['กลุ่มผู้สูงอายุ', 'older-person'],
    ['Elderly', 'older-person'],
    ['ว่างงาน', 'lost-work'],
    ['เยาวชน', 'children-youth'],
  ])('reads the target group %s as %s', (text, code) => {
    expect(targetGroups.match(text)).toBe(code);
  });

  it('reads titles, sex, education, work status and group types as offices write them', () => {
    expect(['น.ส.', 'นส', 'นาง สาว', 'Ms.', 'ด.ช.', 'Mr'].map(codeReader(TITLES))).toEqual(['miss', 'miss', 'miss', 'miss', 'boy', 'mr']);
    expect(['ญ', 'ผู้หญิง', 'F', 'ช', 'male', '-'].map(codeReader(SEXES))).toEqual(['female', 'female', 'female', 'male', 'male', 'unspecified']);
    expect(['ป.6', 'ม.3', 'ม.๖', 'ปวส', 'ป.ตรี', 'ปริญญาโท'].map(codeReader(EDUCATION_LEVELS))).toEqual([
      'primary',
      'lower-secondary',
      'upper-secondary',
      'vocational',
      'bachelor',
      'postgraduate',
    ]);
    expect(['รับจ้าง', 'ค้าขาย', 'ทำนา', 'ตกงาน'].map(codeReader(WORK_STATUSES))).toEqual(['employed', 'self-employed', 'farmer', 'unemployed']);
    expect(['วสช.', 'กลุ่มแม่บ้าน', 'กลุ่ม อาชีพ สตรี'].map(codeReader(GROUP_TYPES))).toEqual(['community-enterprise', 'women-occupation', 'women-occupation']);
  });

  it('matches nothing rather than guess: unknown words, and a key two references share', () => {
    expect(targetGroups.match('นักบินอวกาศ')).toBeNull();
    expect(targetGroups.match('')).toBeNull();
    const shared = createMatcher([
      { code: 'a', th: 'กลุ่มเอ', en: 'A', aliases: ['ร่วม'] },
      { code: 'b', th: 'กลุ่มบี', en: 'B', aliases: ['ร่ วม'] },
    ]);
    // The exact spelling still finds its own; the shared key alone finds neither.
    expect(shared.match('ร่วม')).toBe('a');
    expect(shared.match('ร่ วม')).toBe('b');
    expect(shared.match('ร่ว ม')).toBeNull();
  });

  it('gives no two reference values of a list the same key', () => {
    for (const list of [TITLES, SEXES, EDUCATION_LEVELS, WORK_STATUSES, GROUP_TYPES]) {
      const matcher = createMatcher(list);
      for (const value of list)
        for (const spelling of [value.th, value.en, ...(value.aliases ?? [])]) expect(matcher.match(spelling), spelling).toBe(value.code);
    }
    for (const g of TARGET_GROUPS) for (const spelling of [g.nameTh, g.nameEn, ...g.aliases]) expect(targetGroups.match(spelling), spelling).toBe(g.code);
  });
});
