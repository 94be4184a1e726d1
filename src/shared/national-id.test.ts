import { describe, expect, it } from 'vitest';
import { formatNationalId, isValidNationalId, maskNationalId, nationalIdProblem, normalizeDocumentNumber, normalizeNationalId } from './national-id';

/** An independent statement of the rule: weights 13 down to 2, check = (11 − sum mod 11) mod 10. */
const withCheckDigit = (first12: string) => {
  const weights = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first12.charAt(i)), 0);
  return first12 + String((11 - (sum % 11)) % 10);
};

describe('national ID', () => {
  it('accepts numbers whose last digit is the mod-11 check', () => {
    // Worked by hand: 1·13+2·12+3·11+4·10+5·9+6·8+7·7+8·6+9·5+0·4+1·3+2·2 = 352; 352 mod 11 = 0; (11−0) mod 10 = 1.
    expect(isValidNationalId('1234567890121')).toBe(true);
    expect(isValidNationalId('1-2345-67890-12-1')).toBe(true);
    // 3·13+1·12+0+0+1·9+0+0+1·6+2·5+3·4+4·3+5·2 = 110; 110 mod 11 = 0; (11−0) mod 10 = 1.
    expect(isValidNationalId('3100100123451')).toBe(true);
    // 5·13+6·12+0·11+4·10+9·9+9·8+9·7+0·6+1·5+2·4+3·3+4·2 = 423; 423 mod 11 = 5; 11−5 = 6.
    expect(isValidNationalId('5604999012346')).toBe(true);
    // 1·13+1·10 = 23; 23 mod 11 = 1; (11−1) mod 10 = 0: the check digit that wraps to zero.
    expect(isValidNationalId('1001000000000')).toBe(true);
    for (const prefix of ['110370207183', '310010012345', '800000000000', '310159900012', '560499901234']) {
      expect(isValidNationalId(withCheckDigit(prefix)), prefix).toBe(true);
    }
  });

  it('refuses every other check digit', () => {
    const valid = withCheckDigit('310010012345');
    for (let d = 0; d <= 9; d++) {
      const candidate = valid.slice(0, 12) + d;
      expect(isValidNationalId(candidate)).toBe(candidate === valid);
    }
    expect(nationalIdProblem('1234567890122')?.code).toBe('checksum');
  });

  it('catches a single mistyped digit', () => {
    const valid = withCheckDigit('110370207183');
    const typo = valid.slice(0, 5) + ((Number(valid[5]) + 1) % 10) + valid.slice(6);
    expect(isValidNationalId(typo)).toBe(false);
  });

  it('says why in Thai and English', () => {
    expect(nationalIdProblem('123456789012')).toMatchObject({ code: 'length', en: expect.stringContaining('12'), th: expect.stringContaining('13 หลัก') });
    expect(nationalIdProblem('12345678901a1')?.code).toBe('digits');
    expect(nationalIdProblem(withCheckDigit('012345678901'))?.code).toBe('first-digit');
    expect(nationalIdProblem(withCheckDigit('912345678901'))?.code).toBe('first-digit');
    expect(nationalIdProblem('1234567890121')).toBeNull();
    expect(nationalIdProblem('')?.code).toBe('length');
    expect(nationalIdProblem('12345678901234')?.code).toBe('length');
    expect(nationalIdProblem('ABCDEFGHIJKLM')?.code).toBe('digits');
    for (const problem of [nationalIdProblem('123'), nationalIdProblem('1234567890122')]) {
      expect(problem?.en).toMatch(/^[ -~]+$/);
      expect(problem?.th).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('refuses IDs that start with 0 or 9 even when the checksum holds', () => {
    for (const first of ['0', '9']) {
      const id = withCheckDigit(`${first}10370207183`);
      expect(isValidNationalId(id)).toBe(false);
    }
    for (const first of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      expect(isValidNationalId(withCheckDigit(`${first}10370207183`))).toBe(true);
    }
  });

  it('reads Thai digits and other dashes as people type them', () => {
    expect(normalizeNationalId('๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑')).toBe('1234567890121');
    expect(isValidNationalId('๑๒๓๔๕๖๗๘๙๐๑๒๑')).toBe(true);
    expect(isValidNationalId('1 2345 67890 12 1')).toBe(true);
  });

  it('formats and masks as printed on the card', () => {
    expect(normalizeNationalId(' 1-2345-67890-12-1 ')).toBe('1234567890121');
    expect(formatNationalId('1234567890121')).toBe('1-2345-67890-12-1');
    expect(maskNationalId('1234567890121')).toBe('1-2345-xxxxx-xx-1');
    expect(maskNationalId('1-2345-67890-12-1')).toBe('1-2345-xxxxx-xx-1');
    expect(maskNationalId('12345')).toBe('x-xxxx-xxxxx-xx-x');
    expect(formatNationalId('12345')).toBe('12345');
  });

  it('normalises every kind of identity document the same way, wherever it is typed or imported', () => {
    expect(normalizeDocumentNumber('th-id', '1-2345-67890-12-1')).toBe('1234567890121');
    // A passport typed with a dash in the form, and the same number in a results file, are one document.
    expect(normalizeDocumentNumber('passport', 'aa-1234567')).toBe('AA1234567');
    expect(normalizeDocumentNumber('passport', ' AA 1234567 ')).toBe('AA1234567');
    expect(normalizeDocumentNumber('passport', 'ＡＡ１２３４５６７')).toBe('AA1234567');
    expect(normalizeDocumentNumber('pink-card', '๐๐-๑๒๓')).toBe('00123');
  });
});
