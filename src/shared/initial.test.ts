import { describe, expect, it } from 'vitest';
import { avatarInitial } from './initial';

describe('avatarInitial', () => {
  it('skips the Thai vowels written before the consonant', () => {
    expect(avatarInitial('เจ้าหน้าที่ส่วนกลาง สค. (สาธิต)')).toBe('จ');
    expect(avatarInitial('แก้วตา')).toBe('ก');
    expect(avatarInitial('โสภา')).toBe('ส');
    expect(avatarInitial('ใจดี')).toBe('จ');
    expect(avatarInitial('ไพรวัลย์')).toBe('พ');
  });
  it('leaves off tone marks and vowels above or below the consonant', () => {
    expect(avatarInitial('ผู้บริหาร (สาธิต)')).toBe('ผ');
    expect(avatarInitial('สมหญิง ใจดี')).toBe('ส');
    expect(avatarInitial('  ทิพวรรณ')).toBe('ท');
  });
  it('keeps other scripts’ first grapheme whole and skips what is not a letter', () => {
    expect(avatarInitial('émile')).toBe('É');
    expect(avatarInitial('e\u0301mile')).toBe('E\u0301');
    expect(avatarInitial('(test) admin')).toBe('T');
    expect(avatarInitial('')).toBe('');
  });
});
